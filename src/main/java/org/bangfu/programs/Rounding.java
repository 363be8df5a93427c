package org.bangfu.programs;

/** How a program rounds an amount, once, after everything else (months, special members): to the fen or to the yuan. */
public enum Rounding {

	/** Half up to the fen. */
	FEN,
	/** Half up to the yuan. */
	YUAN,
	/** Down to the yuan. */
	YUAN_DOWN

}
