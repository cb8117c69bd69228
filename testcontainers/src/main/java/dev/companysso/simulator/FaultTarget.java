package dev.companysso.simulator;

/** The endpoints a {@link Fault} can be switched on. */
public enum FaultTarget {
    TOKEN,
    USERINFO
}
