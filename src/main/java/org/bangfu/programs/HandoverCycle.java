package org.bangfu.programs;

/** An approved roster of goods, vouchers or a service with how far its hand-over has come. */
public record HandoverCycle(CycleView cycle, HandoverProgress progress) {
}
