package org.yuqing.security;

/**
 * The caller tried to create or move something into a unit outside their scope. Answered as 403 and audited.
 */
public class ForbiddenUnitException extends RuntimeException {

    /** @param what what was attempted, e.g. {@code topic for unit west} */
    public ForbiddenUnitException(String what) {
        super(what);
    }
}
