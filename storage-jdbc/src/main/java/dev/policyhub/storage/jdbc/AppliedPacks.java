package dev.policyhub.storage.jdbc;

import dev.policyhub.core.policygroups.AppliedPolicyPack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The packs a policy group applies as the JSON of its {@code applied_policy_packs} column, in the group's order. */
final class AppliedPacks {
    private AppliedPacks() {
    }

    static String write(List<AppliedPolicyPack> packs) {
        List<Object> out = new ArrayList<>();
        for (AppliedPolicyPack p : packs) {
            Map<String, Object> pack = new LinkedHashMap<>();
            pack.put("name", p.name());
            pack.put("displayName", p.displayName());
            pack.put("version", (long) p.version());
            pack.put("versionTag", p.versionTag());
            pack.put("config", p.config());
            pack.put("environments", p.environments());
            pack.put("modifiedMicros", p.modifiedMicros());
            out.add(pack);
        }
        return Json.write(out);
    }

    static List<AppliedPolicyPack> read(String json) {
        List<AppliedPolicyPack> packs = new ArrayList<>();
        for (Object item : JsonFields.array(Json.read(json))) {
            JsonFields p = JsonFields.of(item);
            Map<String, Map<String, Object>> config = new LinkedHashMap<>();
            p.object("config").forEach((policy, entry) -> config.put(policy, JsonFields.of(entry).map()));
            packs.add(new AppliedPolicyPack(p.string("name"), p.string("displayName"),
                    Math.toIntExact(p.number("version")), p.string("versionTag"), config,
                    JsonFields.strings(p.list("environments")), p.number("modifiedMicros")));
        }
        return packs;
    }
}
