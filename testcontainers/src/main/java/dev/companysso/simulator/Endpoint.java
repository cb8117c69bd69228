package dev.companysso.simulator;

import java.io.IOException;

/** Handles one path of the simulator. */
@FunctionalInterface
interface Endpoint {
    void handle(SimExchange ex) throws IOException;
}
