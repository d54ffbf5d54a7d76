package org.yuqing.security;

/**
 * An object of a unit outside the caller's scope was asked for. Answered as 404 (the same as an unknown id), and
 * audited as a denied attempt.
 */
public class OutOfScopeException extends RuntimeException {

    /** @param what what was asked for, e.g. {@code case 42} */
    public OutOfScopeException(String what) {
        super(what);
    }
}
