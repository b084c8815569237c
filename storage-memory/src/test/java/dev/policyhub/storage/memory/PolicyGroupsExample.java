package dev.policyhub.storage.memory;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.policygroups.NewPolicyGroup;
import dev.policyhub.core.policygroups.NewPolicyPack;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroup;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.PublishedVersion;
import dev.policyhub.core.policygroups.RequiredPolicy;
import dev.policyhub.core.policygroups.StackRef;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The policy-groups example of README.md, verbatim between the markers; {@code ReadmeExampleTest} runs it. */
final class PolicyGroupsExample {

    /** What the example computes, for the test to check. */
    record Result(PolicyGroup group, List<RequiredPolicy> required) {}

    static Result run() {
        // example:start
        PolicyHub hub = PolicyHub.builder().storage("memory", Map.of()).build();
        PolicyGroupService groups = hub.policyGroups();

        // An organization comes with its default groups; new stacks join default-policy-group.
        groups.createOrganization("acme");
        groups.createStack("acme", "web", "prod", Optional.empty());

        // Publish a policy pack: create the version, upload its archive, complete it.
        PublishedVersion v1 = groups.publishPolicyPack("acme", new NewPolicyPack("aws-guard", "AWS guard", "1.0.0",
                "nodejs", List.of(NewPolicyPack.PolicyDraft.of("s3-no-public-read", "advisory"))));
        groups.uploadPolicyPack("acme", "aws-guard", v1.version(), v1.uploadToken(),
                "pack archive".getBytes(StandardCharsets.UTF_8));
        groups.completePolicyPack("acme", "aws-guard", "1.0.0");

        // A preventative group for production stacks, enforcing every policy of the pack as mandatory.
        groups.createPolicyGroup("acme", NewPolicyGroup.of("prod", "stacks"));
        groups.updatePolicyGroup("acme", "prod", PolicyGroupUpdate.none()
                .withAddStack(new StackRef("web", "prod"))
                .withAddPolicyPack(PackRef.latest("aws-guard").withConfig(Map.of("all", "mandatory"))));

        // What `pulumi up` on web/prod must run.
        List<RequiredPolicy> required = groups.stackPolicyPacks("acme", "web", "prod", "preventative");
        System.out.println(required);   // aws-guard 1.0.0 with {all={enforcementLevel=mandatory}}
        PolicyGroup prod = groups.getPolicyGroup("acme", "prod");
        System.out.println(prod.stacks() + " " + prod.appliedPolicyPacks());

        hub.close();
        // example:end
        return new Result(prod, required);
    }

    private PolicyGroupsExample() {
    }
}
