package dev.companysso.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class, reset before each test, and a client that follows its dialect. */
abstract class SimulatorTestBase {

    static CompanySsoSimulator sim;
    static DialectClient client;

    @BeforeAll
    static void startSimulator() {
        sim = CompanySsoSimulator.start(0);
        client = new DialectClient(sim);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }
}
