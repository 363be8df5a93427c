package org.bangfu.pairing;

import java.util.List;

/**
 * Why a row of a bulk pairing import was rejected: its spreadsheet row number, the column as the
 * file spells it (null: the whole row), and a message key with its arguments, so each reader gets
 * it in their own language. Arguments never hold a whole ID number.
 */
public record PairingImportProblem(long row, String column, String key, List<String> args) {
}
