package org.yuqing.monitoring.incidents;

/** Whether an incident still takes new posts. */
public enum IncidentState {
    /** Takes matching posts published within the incident window. */
    OPEN,
    /** Subsided or closed by a user; a new matching post opens a new incident. */
    CLOSED
}
