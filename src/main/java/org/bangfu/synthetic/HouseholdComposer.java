package org.bangfu.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who lives in a household: the head (25–85), a spouse of similar age and the opposite sex,
 * children 20–40 years younger, parents 20–35 years older, and in large households an adult
 * son with his wife and children.
 */
final class HouseholdComposer {

	static final String HEAD = "户主";

	private final LocalDate asOf;

	HouseholdComposer(LocalDate asOf) {
		this.asOf = asOf;
	}

	/** A size from the distribution 1: 15%, 2: 25%, 3: 30%, 4: 18%, 5: 8%, 6–8: 4%. */
	static int size(SplittableRandom rng) {
		int u = rng.nextInt(100);
		if (u < 15) {
			return 1;
		}
		if (u < 40) {
			return 2;
		}
		if (u < 70) {
			return 3;
		}
		if (u < 88) {
			return 4;
		}
		if (u < 96) {
			return 5;
		}
		int v = rng.nextInt(10);
		return v < 6 ? 6 : (v < 9 ? 7 : 8);
	}

	/** The members, head first; the head copies {@code headTemplate} when given. */
	List<Member> compose(int size, SplittableRandom rng, Member headTemplate) {
		List<Member> members = new ArrayList<>(size);
		Member head = headTemplate != null ? new Member(HEAD, headTemplate.male, headTemplate.birth, headTemplate.name)
				: newHead(rng);
		members.add(head);
		int headAge = head.age(this.asOf);
		int remaining = size - 1;
		String familyName = head.name.substring(0, 1);
		if (remaining > 0 && rng.nextInt(100) < (size == 2 ? 70 : 85)) {
			Member spouse = spouse(head, headAge, rng);
			members.add(spouse);
			remaining--;
			if (spouse.male) {
				familyName = spouse.name.substring(0, 1);
			}
		}
		if (remaining >= 3 && size >= 6 && headAge >= 52) {
			Member son = relative(head, "子", true, -rng.nextInt(20, 31), familyName, rng);
			members.add(son);
			members.add(spouseOf(son, "儿媳", rng));
			remaining -= 2;
			int sonAge = son.age(this.asOf);
			for (; remaining > 0; remaining--) {
				boolean male = rng.nextBoolean();
				members.add(relative(son, male ? "孙子" : "孙女", male, -rng.nextInt(20, Math.min(35, sonAge - 1) + 1),
						familyName, rng));
			}
			return members;
		}
		if (remaining > 0 && headAge <= 65 && rng.nextInt(100) < (size >= 4 ? 35 : 12)) {
			int parents = remaining >= 2 && rng.nextBoolean() ? 2 : 1;
			boolean fatherFirst = rng.nextBoolean();
			for (int i = 0; i < parents; i++) {
				boolean male = (i == 0) == fatherFirst;
				String surname = male ? head.name.substring(0, 1) : Names.surname(rng);
				members.add(relative(head, male ? "父亲" : "母亲", male, rng.nextInt(20, 36), surname, rng));
			}
			remaining -= parents;
		}
		for (; remaining > 0; remaining--) {
			boolean male = rng.nextBoolean();
			members.add(relative(head, male ? "子" : "女", male, -rng.nextInt(20, Math.min(40, headAge - 1) + 1), familyName,
					rng));
		}
		return members;
	}

	private Member newHead(SplittableRandom rng) {
		boolean male = rng.nextInt(100) < 62;
		int age = rng.nextInt(25, 86);
		LocalDate birth = this.asOf.minusYears(age).minusDays(rng.nextInt(365));
		return new Member(HEAD, male, birth, Names.surname(rng) + Names.given(rng, male));
	}

	private Member spouse(Member head, int headAge, SplittableRandom rng) {
		LocalDate birth = head.birth.plusDays(rng.nextInt(-8 * 365, 8 * 365 + 1));
		LocalDate youngest = this.asOf.minusYears(20);
		if (birth.isAfter(youngest)) {
			birth = youngest.minusDays(rng.nextInt(365));
		}
		return new Member("配偶", !head.male, birth, Names.surname(rng) + Names.given(rng, !head.male));
	}

	private Member spouseOf(Member person, String relation, SplittableRandom rng) {
		LocalDate birth = person.birth.plusDays(rng.nextInt(-5 * 365, 5 * 365 + 1));
		LocalDate youngest = this.asOf.minusYears(18);
		if (birth.isAfter(youngest)) {
			birth = youngest.minusDays(rng.nextInt(365));
		}
		return new Member(relation, !person.male, birth, Names.surname(rng) + Names.given(rng, !person.male));
	}

	/** A relative born {@code years} (plus some days) before (positive) or after (negative) {@code anchor}. */
	private static Member relative(Member anchor, String relation, boolean male, int years, String surname,
			SplittableRandom rng) {
		LocalDate birth = years >= 0 ? anchor.birth.minusYears(years).minusDays(rng.nextInt(365))
				: anchor.birth.plusYears(-years).plusDays(rng.nextInt(365));
		return new Member(relation, male, birth, surname + Names.given(rng, male));
	}

}
