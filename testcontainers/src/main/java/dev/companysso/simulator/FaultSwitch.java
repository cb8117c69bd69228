package dev.companysso.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's fault switches: per endpoint, a fault for the next answer only, or for every answer until
 * cleared. A pending "next" fault wins over an "always" fault. Thread-safe.
 */
public final class FaultSwitch {

    private final Map<FaultTarget, Fault> once = new EnumMap<>(FaultTarget.class);
    private final Map<FaultTarget, Fault> always = new EnumMap<>(FaultTarget.class);

    /** The next answer of {@code target} (only that one) misbehaves. */
    public synchronized FaultSwitch next(FaultTarget target, Fault fault) {
        once.put(target, check(target, fault));
        return this;
    }

    /** Every answer of {@code target} misbehaves until {@link #clear()}. */
    public synchronized FaultSwitch always(FaultTarget target, Fault fault) {
        always.put(target, check(target, fault));
        return this;
    }

    /** Back to good behaviour everywhere. */
    public synchronized void clear() {
        once.clear();
        always.clear();
    }

    /** The fault for this answer of {@code target}, consuming a "next" fault. */
    synchronized Optional<Fault> take(FaultTarget target) {
        Fault next = once.remove(target);
        return Optional.ofNullable(next != null ? next : always.get(target));
    }

    private static Fault check(FaultTarget target, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault.isIdFault() && target != FaultTarget.USERINFO) {
            throw new IllegalArgumentException(fault + " only applies to the user info answer");
        }
        return fault;
    }
}
