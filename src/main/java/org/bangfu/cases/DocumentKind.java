package org.bangfu.cases;

/** Kinds of case document (plan 18's lists and the county archive). */
public enum DocumentKind {

	/** 本人申请 */
	APPLICATION,
	/** 家庭经济状况核对承诺授权书 */
	AUTHORISATION,
	/** 身份证、户口簿复印件 (one per member) */
	IDENTITY,
	/** 劳动关系类：劳动合同、工资凭证、银行流水、社保证明、下岗证、失业证 */
	LABOUR_RELATION,
	/** 收入类：银行卡流水等 */
	INCOME,
	/** 致困类：低保证、残疾证、租房合同、诊断、医疗票据、录取通知书、学费发票… */
	HARDSHIP,
	/** 在档困难职工申请救助表 */
	ASSISTANCE_FORM,
	/** 变化或需要更新的部分 */
	CHANGE_PROOF,
	/** 困难职工脱困登记表 */
	EXIT_FORM,
	/** 走访调查表（纸质） */
	INVESTIGATION_FORM,
	/** 信息比对报告 */
	CROSS_CHECK_REPORT,
	/** 公示证明材料 */
	NOTICE_PROOF,
	/** 会议纪要 */
	MEETING_MINUTES,
	OTHER;

	public String messageKey() {
		return "cases.doc." + name();
	}

}
