package dev.policyhub.core.spi;

import java.util.List;

/** Persistence of Pulumi organizations, by name. */
public interface PulumiOrgStore {

    /** True if the organization exists. */
    boolean exists(String org);

    /** Organization names greater than {@code afterName}, ascending, at most {@code limit}. */
    List<String> list(String afterName, int limit);

    /** Stores a new organization; false if it exists. */
    boolean insert(String org);

    /** Removes an organization (only the name: the service removes what it holds first); false if it is gone. */
    boolean delete(String org);
}
