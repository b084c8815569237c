package dev.policyhub.http.fuzz;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.admin.SeedLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The state the fuzzed server runs over: one Google organization with folders, projects, tag keys, values and
 * bindings, policies (one with a condition and a dry-run spec) and a custom constraint, and two Pulumi organizations
 * with stacks, Insights accounts, a policy pack with two versions and policy groups. Every name the route table uses
 * exists here, so mutated requests reach real resources.
 */
final class FuzzFixture {
    private static final String SEED = """
            {"organizations": [{"name": "organizations/1", "displayName": "example.com"}],
             "folders": [{"name": "folders/11", "parent": "organizations/1", "displayName": "prod"},
                         {"name": "folders/12", "parent": "folders/11", "displayName": "team"}],
             "projects": [{"name": "projects/101", "projectId": "web-prod", "parent": "folders/11",
                           "labels": {"team": "web"}},
                          {"name": "projects/102", "projectId": "api-prod", "parent": "organizations/1"}],
             "tagKeys": [{"name": "tagKeys/501", "parent": "organizations/1", "shortName": "env"},
                         {"name": "tagKeys/502", "parent": "projects/web-prod", "shortName": "tier"}],
             "tagValues": [{"name": "tagValues/601", "parent": "tagKeys/501", "shortName": "dev"},
                           {"name": "tagValues/602", "parent": "tagKeys/501", "shortName": "prod"},
                           {"name": "tagValues/603", "parent": "tagKeys/502", "shortName": "front"}],
             "tagBindings": [{"parent": "//cloudresourcemanager.googleapis.com/folders/11", "tagValue": "tagValues/601"},
                             {"parent": "//cloudresourcemanager.googleapis.com/projects/101",
                              "tagValue": "tagValues/603"}],
             "customConstraints": [{"name": "organizations/1/customConstraints/custom.denyAutoUpgradeOff",
                                    "resourceTypes": ["container.googleapis.com/NodePool"],
                                    "methodTypes": ["CREATE", "UPDATE"],
                                    "condition": "resource.management.autoUpgrade == false", "actionType": "DENY",
                                    "displayName": "Keep auto-upgrade on"}],
             "policies": [
               {"name": "projects/web-prod/policies/compute.disableSerialPortAccess",
                "spec": {"rules": [{"enforce": true}]}},
               {"name": "folders/11/policies/custom.denyAutoUpgradeOff", "spec": {"rules": [{"enforce": true}]}},
               {"name": "organizations/1/policies/gcp.resourceLocations",
                "spec": {"rules": [{"values": {"allowedValues": ["in:us-locations"]},
                                    "condition": {"expression": "resource.matchTag('1/env', 'prod')"}},
                                   {"values": {"allowedValues": ["in:eu-locations"]}}]},
                "dryRunSpec": {"rules": [{"denyAll": true}]}}],
             "pulumi": {"organizations": [
               {"name": "acme",
                "stacks": [{"project": "web", "stack": "prod", "resourceCount": 12},
                           {"project": "api", "stack": "dev"}],
                "accounts": [{"name": "aws-main", "provider": "aws", "environment": "ops/aws", "resourceCount": 100},
                             {"name": "aws-main/us-east-1", "provider": "aws", "environment": "ops/aws"}],
                "policyPacks": [{"name": "aws-guard", "displayName": "AWS guard", "versionTag": "1.0.0",
                                 "runtime": "nodejs", "contentBase64": "",
                                 "policies": [{"name": "s3-no-public-read", "enforcementLevel": "mandatory",
                                               "configSchema": {"type": "object"}}]},
                                {"name": "aws-guard", "displayName": "AWS guard", "versionTag": "1.1.0",
                                 "contentBase64": "",
                                 "policies": [{"name": "s3-no-public-read", "enforcementLevel": "advisory"}]}],
                "policyGroups": [{"name": "prod", "entityType": "stacks", "mode": "preventative",
                                  "stacks": [{"name": "prod", "routingProject": "web"}],
                                  "policyPacks": [{"name": "aws-guard", "versionTag": "1.0.0"}]},
                                 {"name": "audit", "entityType": "accounts", "mode": "audit",
                                  "insightsAccounts": ["aws-main"]}]},
               {"name": "beta"}]}}""";

    private FuzzFixture() {
    }

    /** A hub on the given store with a fixed clock, holding the fixture. */
    static PolicyHub hub(String provider, Map<String, String> settings) {
        PolicyHub hub = PolicyHub.builder().storage(provider, settings)
                .clock(Clock.fixed(Instant.parse("2025-01-02T03:04:05.123456Z"), ZoneOffset.UTC)).build();
        SeedLoader.load(hub, SEED.getBytes(StandardCharsets.UTF_8));
        return hub;
    }
}
