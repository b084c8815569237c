package dev.policyhub.core.access;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a grant reaches Google resources: a resource belongs to the organization at the top of its
 * hierarchy. Names may be {@code organizations/1}, {@code folders/2}, {@code projects/{id or number}}, names below
 * those ({@code projects/p/policies/c}), {@code tagKeys/3}, {@code tagValues/4}, namespaced tag key and value names
 * ({@code 1/env}, {@code my-project/env/dev}) and full resource names
 * ({@code //cloudresourcemanager.googleapis.com/projects/123}).
 */
public interface AccessService {

    /**
     * Refuses with PERMISSION_DENIED, naming it the way Resource Manager names a missing resource, the first of
     * {@code names} the grant does not reach; a name that resolves to no organization (a missing resource) is not
     * reached. Empty names are skipped: they name nothing and the service that takes them refuses them. A grant of
     * every Google organization is never resolved.
     */
    void requireGoogle(AccessGrant grant, List<String> names);

    /** The organization ({@code organizations/{id}}) a resource belongs to; empty when it does not resolve. */
    Optional<String> organizationOf(String name);
}
