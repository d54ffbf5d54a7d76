package org.yuqing.monitoring.web;

/**
 * Who is acting: the gateway authenticates users and forwards the login in {@value #USER_HEADER}
 * (stripping any such header a client sent); requests that did not come through it, such as
 * tests and internal jobs, act as {@value #SYSTEM}.
 */
public final class Actors {

    /** Header carrying the login of the user on whose behalf the request is made. */
    public static final String USER_HEADER = "X-Yuqing-User";

    /** The actor recorded when no user header is present. */
    public static final String SYSTEM = "system";

    private Actors() {
    }
}
