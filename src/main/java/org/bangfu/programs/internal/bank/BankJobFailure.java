package org.bangfu.programs.internal.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.BankReturnRefused;
import org.bangfu.programs.internal.Json;
import org.bangfu.shared.BangfuException;

/**
 * A bank job refused by a rule: its message is the refusal as JSON (key, arguments, and for a
 * refused answer its problems and their count), which the job keeps as its error so pages and the
 * API can say it in the reader's language.
 */
public class BankJobFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BankJobFailure(BangfuException refusal) {
		super(Json.write(encode(refusal)));
	}

	static Map<String, Object> encode(BangfuException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("key", ex.messageKey());
		List<String> args = new ArrayList<>();
		for (Object a : ex.args()) {
			args.add(String.valueOf(a));
		}
		error.put("args", args);
		if (ex instanceof BankReturnRefused refused) {
			error.put("problems", refused.problems());
			error.put("problemCount", refused.total());
		}
		return error;
	}

}
