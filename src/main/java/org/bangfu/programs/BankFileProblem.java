package org.bangfu.programs;

import java.util.List;

/**
 * Why a bank answer was refused: the line of the file (0: the whole file), the 序号 it names (if
 * any), a message key from the bundles and its arguments.
 */
public record BankFileProblem(long line, Integer seq, String key, List<String> args) {
}
