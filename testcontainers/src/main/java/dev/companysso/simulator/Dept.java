package dev.companysso.simulator;

/** A department a simulated user belongs to, e.g. {@code new Dept("RD", "研发部")}. */
public record Dept(String code, String name) {
}
