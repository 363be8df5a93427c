package org.bangfu.programs;

/** How a program pays: cash to a bank account, goods, vouchers or services. */
public enum ProgramForm {

	CASH, GOODS, VOUCHER, SERVICE

}
