package dev.policyhub.http.pulumi;

import dev.policyhub.core.Page;
import dev.policyhub.core.policygroups.PolicyGroupService;
import dev.policyhub.core.policygroups.Stack;
import dev.policyhub.http.wire.Json;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/** The stack endpoints: create, get, delete, rename, import under {@code /api/stacks/}, and ListUserStacks. */
final class StackRoutes {
    private static final String STACK = "/api/stacks/{org}/{project}/{stack}";
    private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

    private final PolicyGroupService service;
    private final LongSupplier ids;

    /** Routes over {@code service}; {@code ids} numbers the update ids that rename and import answer. */
    StackRoutes(PolicyGroupService service, LongSupplier ids) {
        this.service = service;
        this.ids = ids;
    }

    void register(PulumiRouter router) {
        router.add("GET", "/api/user/stacks", this::list);
        router.add("POST", "/api/stacks/{org}/{project}", this::create);
        router.add("POST", STACK + "/rename", this::rename);
        router.add("POST", STACK + "/import", this::importState);
        router.add("GET", STACK, call -> PulumiResponse.ok(StackJson.stack(
                service.getStack(call.path("org"), call.path("project"), call.path("stack")))));
        router.add("DELETE", STACK, this::delete);
    }

    private PulumiResponse create(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        String name = body.text("stackName");
        // tags, teams and config are accepted and not kept
        long resources = body.object("state").map(state -> StackJson.resourceCount(state, false)).orElse(0L);
        service.createStack(org, call.path("project"), name, Optional.of(resources));
        return PulumiResponse.ok(Json.object());
    }

    private PulumiResponse delete(PulumiCall call) {
        String org = call.path("org");
        String project = call.path("project");
        String stack = call.path("stack");
        // an unknown stack is 404 before a bad force value is 400
        service.getStack(org, project, stack);
        boolean force = call.query("force").map(StackRoutes::parseBool).orElse(false);
        service.deleteStack(org, project, stack, force);
        return PulumiResponse.noContent();
    }

    private PulumiResponse rename(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        service.renameStack(org, call.path("project"), call.path("stack"), body.text("newName"),
                body.text("newProject"));
        return PulumiResponse.ok(StackJson.update(ids.getAsLong()));
    }

    private PulumiResponse importState(PulumiCall call) {
        String org = call.path("org");
        service.requireOrganization(org);
        BodyFields body = BodyFields.of(call.json());
        // an unknown stack is 404 before a bad deployment is 400
        Stack stack = service.getStack(org, call.path("project"), call.path("stack"));
        long resources = StackJson.resourceCount(body, true);
        service.importStack(org, stack.project(), stack.name(), resources);
        return PulumiResponse.ok(StackJson.update(ids.getAsLong()));
    }

    private PulumiResponse list(PulumiCall call) {
        String org = call.query("organization").orElse("");
        if (!org.isEmpty()) {
            service.requireOrganization(org);
        }
        if (call.query("tagName").isPresent() || call.query("tagValue").isPresent()) {
            throw new PulumiError(400, "tag filters are not supported");
        }
        int maxResults = call.query("maxResults").map(StackRoutes::parseInt)
                .orElse(PolicyGroupService.DEFAULT_MAX_RESULTS);
        Page<Stack> page = service.listStacks(org, call.query("project").orElse(""), maxResults,
                call.query("continuationToken").orElse(""));
        // a listing across organizations shows only those the caller's token reaches; the token still pages on
        List<Stack> reached = page.items().stream().filter(s -> call.grant().reachesPulumi(s.org())).toList();
        return PulumiResponse.ok(StackJson.list(new Page<>(reached, page.nextPageToken())));
    }

    // the spellings Go's strconv.ParseBool accepts
    private static boolean parseBool(String value) {
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw PulumiError.invalidQuery();
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PulumiError.invalidQuery();
        }
    }
}
