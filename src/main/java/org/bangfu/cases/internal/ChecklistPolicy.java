package org.bangfu.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentRule;
import org.bangfu.cases.MissingDocument;
import org.bangfu.shared.BangfuException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Whether a case's documents meet a list of requirements: at least one of a kind, or one per
 * active member (identity papers). A step's own required kinds count as "at least one", except
 * identity papers, which are always needed for every member.
 */
public final class ChecklistPolicy {

	private ChecklistPolicy() {
	}

	/** A document as the checklist sees it: its kind and the member it belongs to (if any). */
	public record DocRef(DocumentKind kind, Long memberId) {
	}

	/** A member of the household: id and name (to say whose papers are missing). */
	public record MemberRef(long id, String name) {
	}

	public static List<ChecklistItem> forStep(List<DocumentKind> kinds) {
		return kinds.stream()
			.map(k -> new ChecklistItem(null, k, k == DocumentKind.IDENTITY ? DocumentRule.EACH_MEMBER : DocumentRule.AT_LEAST_ONE))
			.toList();
	}

	public static List<MissingDocument> missing(List<ChecklistItem> required, List<DocRef> docs, List<MemberRef> members) {
		List<MissingDocument> out = new ArrayList<>();
		for (ChecklistItem item : required) {
			if (!item.required()) {
				continue;
			}
			List<DocRef> ofKind = docs.stream().filter(d -> d.kind() == item.kind()).toList();
			if (item.rule() == DocumentRule.EACH_MEMBER) {
				Set<Long> covered = ofKind.stream().map(DocRef::memberId).collect(Collectors.toSet());
				List<String> without = members.stream().filter(m -> !covered.contains(m.id())).map(MemberRef::name).toList();
				if (!without.isEmpty()) {
					out.add(new MissingDocument(item.kind(), item.rule(), without));
				}
			}
			else if (ofKind.isEmpty()) {
				out.add(new MissingDocument(item.kind(), item.rule(), List.of()));
			}
		}
		return out;
	}

	/** Fails naming the first missing item (the page lists them all). */
	public static void require(List<MissingDocument> missing) {
		if (!missing.isEmpty()) {
			MissingDocument first = missing.get(0);
			throw BangfuException.badField("documents", first.members().isEmpty() ? "cases.documents.missing"
					: "cases.documents.missingFor",
					new DefaultMessageSourceResolvable(first.kind().messageKey()), String.join("、", first.members()),
					missing.size());
		}
	}

}
