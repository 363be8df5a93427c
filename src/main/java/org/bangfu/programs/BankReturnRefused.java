package org.bangfu.programs;

import java.util.List;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * A bank answer refused whole, nothing recorded: the problems found (the first ones, at most a few
 * hundred) and how many there were in all.
 */
public class BankReturnRefused extends BangfuException {

	private final transient List<BankFileProblem> problems;

	private final long total;

	public BankReturnRefused(List<BankFileProblem> problems, long total) {
		super(Problem.BAD_INPUT, "bank.return.refused", String.valueOf(total));
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	public List<BankFileProblem> problems() {
		return problems;
	}

	public long total() {
		return total;
	}

}
