package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.testkit.HubKitBase;

import static dev.policyhub.testkit.orgpolicy.Cases.LIST_ALLOW;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATIONS;
import static dev.policyhub.testkit.orgpolicy.Cases.LOCATION_WEST;
import static dev.policyhub.testkit.orgpolicy.Cases.folders;
import static dev.policyhub.testkit.orgpolicy.Cases.projects;

/** The hierarchies and policies of the worked evaluation sets, shared by the effective-policy and trace suites. */
public abstract class WorkedCasesBase extends HubKitBase {

    /** For the suites built on the worked cases. */
    protected WorkedCasesBase() {
    }

    /** Set H: projects 101–104 under organization 1, whose policy allows red and green. */
    protected void setH() {
        org(1);
        for (long p = 101; p <= 104; p++) {
            project(p, ORG);
        }
        set(ORG, LIST_ALLOW, spec(allow("red", "green")));
    }

    /** Set R: organization 1 → folder 11 → project 101. */
    protected void setR() {
        org(1);
        folder(11, ORG);
        project(101, folders(11));
    }

    /** Sets L and B: foo is organization 1, bar is project 101 under it. */
    protected void fooAndBar() {
        org(1);
        project(101, ORG);
    }

    /**
     * Set T: organization 1 → folder 11 → project 101 (no tags); project 102 under organization 1 bound to
     * {@code tagValues/604}; folder 12 bound to {@code tagValues/604} → project 103.
     */
    protected void setT() {
        org(1);
        standardTags();
        folder(11, ORG);
        project(101, folders(11));
        project(102, ORG);
        bind(projects(102), 604);
        folder(12, ORG);
        bind(folders(12), 604);
        project(103, folders(12));
    }

    /** P_T: {@code A{us-east1-locations}; [c:resource.matchTag('1/location', 'us-west1')] A{in:us-west1-locations}}. */
    protected void setPT() {
        set(ORG, LOCATIONS, spec(allow("us-east1-locations"), allow("in:us-west1-locations").when(LOCATION_WEST)));
    }
}
