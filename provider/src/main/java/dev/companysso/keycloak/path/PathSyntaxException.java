package dev.companysso.keycloak.path;

/**
 * A path expression an admin typed cannot be compiled. The message is a short sentence naming the
 * problem and, when it concerns one spot, its 1-based character position.
 */
public class PathSyntaxException extends IllegalArgumentException {

    private final int position;

    PathSyntaxException(String problem) {
        super(problem);
        this.position = 0;
    }

    PathSyntaxException(String problem, int position) {
        super(problem + " at position " + position);
        this.position = position;
    }

    /** 1-based position (in code points) of the problem, or 0 when it concerns the whole expression. */
    public int position() {
        return position;
    }
}
