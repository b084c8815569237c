package dev.policyhub.core.policygroups;

/** The answer to a publish: the new version number and the token its archive upload must carry. */
public record PublishedVersion(int version, String uploadToken) {}
