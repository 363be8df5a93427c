package org.bangfu.cases;

/** What a case asks for. */
public enum CaseType {

	/** 新建档: put a household on the register. */
	NEW_FILING,
	/** 在档救助申请: a filed household asks for assistance. */
	ASSISTANCE,
	/** 档案变更: the file of a filed household changes. */
	CHANGE,
	/** 脱困/退出: a filed household leaves the register. */
	EXIT,
	/** 重新纳入: an exited or closed household comes back. */
	REOPEN;

	public String messageKey() {
		return "cases.type." + name();
	}

}
