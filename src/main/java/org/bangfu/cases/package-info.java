/**
 * Cases (M3–M5): applications, assistance requests, changes, exits and reopenings of a
 * household, walked through a configurable review chain (申请→审核→公示→审批) with four eyes,
 * SLAs, documents (plan 18), the identification decision frozen at submission, and public
 * notices (公示) with objections. Notices live in this module because an objection blocks a
 * case's approval and a notice period completes a case's step: both in one transaction.
 * Façades: {@link org.bangfu.cases.Cases}, {@link org.bangfu.cases.ReviewChains},
 * {@link org.bangfu.cases.CaseDocuments}, {@link org.bangfu.cases.Notices},
 * {@link org.bangfu.cases.WorkingCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases and public notices")
package org.bangfu.cases;
