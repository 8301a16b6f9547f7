package io.zagg.read;

/** Thrown inside a beam read; becomes the beam's {@link ReadFailure}. */
final class BeamFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String dataset;

    BeamFailure(String dataset, String reason) {
        super(reason);
        this.dataset = dataset;
    }

    BeamFailure(String dataset, String reason, Throwable cause) {
        super(reason, cause);
        this.dataset = dataset;
    }

    /** The dataset at fault, or {@code null}. */
    String dataset() {
        return dataset;
    }

    /**
     * What went wrong in a library call, as one line: the exception's own message and that of
     * its root cause, with their types, so a jhdf failure is never reported as a bare class name.
     */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage() + " (" + e.getClass().getSimpleName() + ")";
        if (root == e) {
            return top;
        }
        return top + "; caused by " + (root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage() + " (" + root.getClass().getSimpleName() + ")");
    }
}
