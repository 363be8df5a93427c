package org.bangfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentRule;
import org.bangfu.cases.MissingDocument;
import org.bangfu.cases.internal.ChecklistPolicy.DocRef;
import org.bangfu.cases.internal.ChecklistPolicy.MemberRef;
import org.junit.jupiter.api.Test;

class ChecklistPolicyTests {

	static final List<ChecklistItem> FILING = List.of(
			new ChecklistItem(CaseType.NEW_FILING, DocumentKind.APPLICATION, DocumentRule.AT_LEAST_ONE),
			new ChecklistItem(CaseType.NEW_FILING, DocumentKind.IDENTITY, DocumentRule.EACH_MEMBER),
			new ChecklistItem(CaseType.NEW_FILING, DocumentKind.HARDSHIP, DocumentRule.AT_LEAST_ONE));

	static final List<MemberRef> FAMILY = List.of(new MemberRef(1, "张建国"), new MemberRef(2, "李梅"), new MemberRef(3, "张伟"));

	@Test
	void identityPapersAreNeededForEveryMemberAndNamesTheOnesMissing() {
		List<MissingDocument> missing = ChecklistPolicy.missing(FILING, List.of(new DocRef(DocumentKind.APPLICATION, null),
				new DocRef(DocumentKind.IDENTITY, 1L), new DocRef(DocumentKind.HARDSHIP, null),
				new DocRef(DocumentKind.HARDSHIP, null)), FAMILY);
		assertThat(missing).containsExactly(new MissingDocument(DocumentKind.IDENTITY, DocumentRule.EACH_MEMBER,
				List.of("李梅", "张伟")));
	}

	@Test
	void oneOrMoreHardshipProofsAreEnoughAndNothingMissingMeansComplete() {
		List<DocRef> all = List.of(new DocRef(DocumentKind.APPLICATION, null), new DocRef(DocumentKind.IDENTITY, 1L),
				new DocRef(DocumentKind.IDENTITY, 2L), new DocRef(DocumentKind.IDENTITY, 3L),
				new DocRef(DocumentKind.HARDSHIP, null));
		assertThat(ChecklistPolicy.missing(FILING, all, FAMILY)).isEmpty();
		assertThat(ChecklistPolicy.missing(ChecklistPolicy.forStep(List.of(DocumentKind.CROSS_CHECK_REPORT)), all, FAMILY))
			.extracting(MissingDocument::kind)
			.containsExactly(DocumentKind.CROSS_CHECK_REPORT);
	}

}
