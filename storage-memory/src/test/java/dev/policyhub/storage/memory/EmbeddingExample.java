package dev.policyhub.storage.memory;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.eval.Decision;

import java.util.Map;

/** The embedding example of README.md, verbatim between the markers; {@code ReadmeExampleTest} runs it. */
final class EmbeddingExample {

    /** What the example prints, for the test to check. */
    record Result(Project project, Policy effective, Decision allowed, Decision denied) {}

    static Result run() {
        // example:start
        PolicyHub hub = PolicyHub.builder().storage("memory", Map.of()).build();

        // A hierarchy: organization → folder → project (ids are assigned unless given).
        hub.hierarchy().createOrganization(123L, "example.com", null);
        Folder prod = hub.hierarchy().createFolder(NewFolder.of("organizations/123", "prod"));
        Project web = hub.hierarchy().createProject(NewProject.of("web-prod", prod.name()));

        // Only EU locations in the folder, and never europe-west3 for this project.
        hub.orgPolicies().createPolicy(prod.name(), Policy.of(prod.name() + "/policies/gcp.resourceLocations",
                PolicySpec.of(PolicyRule.allow("in:eu-locations"))));
        hub.orgPolicies().createPolicy("projects/web-prod", Policy.of(
                "projects/web-prod/policies/gcp.resourceLocations",
                PolicySpec.inheriting(PolicyRule.deny("europe-west3-locations"))));

        // What applies to the project, merged down the hierarchy.
        Policy effective = hub.orgPolicies().getEffectivePolicy("projects/web-prod/policies/gcp.resourceLocations");
        System.out.println(effective.spec().orElseThrow().rules());

        // A decision, with the trace of why.
        Decision ok = hub.orgPolicies().decide("projects/web-prod", "gcp.resourceLocations", "europe-west1-b");
        Decision no = hub.orgPolicies().decide("projects/web-prod", "gcp.resourceLocations", "europe-west3-a");
        System.out.println(ok.outcome() + ": " + ok.reason());   // ALLOW: 'europe-west1-b' matches the allowed …
        System.out.println(no.outcome() + ": " + no.reason());   // DENY: 'europe-west3-a' matches the denied …
        no.levels().forEach(level -> System.out.println(level.resource() + " " + level.effect()));

        hub.close();
        // example:end
        return new Result(web, effective, ok, no);
    }

    private EmbeddingExample() {
    }
}
