package io.zagg.plain;

/** A test provider that claims a name another provider already has. */
public final class SecondUnstartableCarrierProvider extends UnstartableCarrierProvider {
}
