package org.yuqing.gateway.audit;

/**
 * What an audit line is about.
 */
public enum AuditAction {
    /** A login (form or HTTP Basic) with the right password. */
    LOGIN_SUCCESS,
    /** A login with a wrong password or an unknown login name. */
    LOGIN_FAILURE,
    /** A login refused without checking the password: the account is locked or the client throttled. */
    LOGIN_REFUSED,
    /** An account, or a client id at the token endpoint, locked after too many failures (账户锁定). */
    LOCKOUT,
    /** A user logged out. */
    LOGOUT,
    /** A console session ended because it reached its absolute lifetime. */
    SESSION_EXPIRED,
    /** A request answered 401, 403 or 429. */
    DENIED,
    /** A token issued to a client (client credentials grant). */
    TOKEN_ISSUED,
    /** A client that failed to authenticate at the token endpoint. */
    CLIENT_AUTH_FAILURE,
    /**
     * A token request refused before its secret was checked: the client id is locked or the address throttled after
     * too many failed client authentications.
     */
    CLIENT_AUTH_REFUSED,
    /** A user created, changed, or given a new password. */
    USER_CHANGE,
    /** A unit created, renamed, moved or deleted. */
    UNIT_CHANGE
}
