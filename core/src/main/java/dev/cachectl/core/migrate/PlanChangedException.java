package dev.cachectl.core.migrate;

/**
 * The caches changed between the plan that was shown and the plan made again under the locks (another process
 * wrote to them): nothing was done, and the caller shows the new plan or asks to run again.
 */
public final class PlanChangedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient MigrationPlan current;

    PlanChangedException(MigrationPlan current) {
        super("the caches changed while the plan was shown (another process wrote to them); nothing was done:"
                + " run 'cachectl migrate' again");
        this.current = current;
    }

    /** The plan as it is now, under the locks. */
    public MigrationPlan current() {
        return current;
    }
}
