package org.bangfu.programs;

/** How far a cycle's hand-over has come: lines to hand over (not removed), handed over, not handed over (with a reason). */
public record HandoverProgress(long lines, long handedOver, long notHandedOver) {

	public long open() {
		return lines - handedOver - notHandedOver;
	}

}
