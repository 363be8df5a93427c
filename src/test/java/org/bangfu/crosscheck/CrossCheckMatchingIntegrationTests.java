package org.bangfu.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import org.bangfu.identification.Places;
import org.bangfu.shared.BangfuException;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generated extracts of all seven registries with planted mismatches against filed families: every
 * planted finding is found and nothing else (strangers, another organisation's person, a different
 * name, facts the file shows, a bad row); no clear ID number is stored; decisions need a reason;
 * looking at findings is audited; an extract past its retention is purged.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, CrossCheckWorld.class })
class CrossCheckMatchingIntegrationTests {

	private static CrossCheckWorld.World world;

	@Autowired
	CrossCheckWorld worlds;

	@Autowired
	Findings findings;

	@Autowired
	Extracts extracts;

	@Autowired
	JdbcClient jdbc;

	private CrossCheckWorld.World world() {
		if (world == null) {
			world = worlds.world(1);
			for (ExtractKind k : ExtractKind.values()) {
				// GBK for the dibao roll, as Excel on a Chinese Windows saves it
				worlds.importKind(world, world.worker(), k, k == ExtractKind.DIBAO ? Charset.forName("GBK")
						: StandardCharsets.UTF_8, 365);
			}
		}
		return world;
	}

	private List<FindingView> all(org.bangfu.shared.Actor actor) {
		return CrossCheckWorld.as(actor, () -> findings.list(actor.scope(), null, null, null, 0, 200));
	}

	@Test
	void everyPlantedMismatchIsFoundAndNothingElse() {
		var w = world();
		List<FindingView> found = all(w.worker());
		TreeSet<String> got = new TreeSet<>(found.stream().map(f -> f.kind() + ":" + f.memberName()).toList());
		assertThat(got).isEqualTo(w.data().expected);
		assertThat(found).hasSize(w.data().expected.size());
		FindingView homes = found.stream().filter(f -> f.memberName().equals(w.data().families.get(8).head().name()))
			.findFirst().orElseThrow();
		assertThat(homes.evidence()).extracting(r -> r.get("item")).containsExactly("江岸区某路 3 号", "洪山区某路 4 号");
		assertThat(homes.idNumberMasked()).doesNotContain(w.data().families.get(8).head().id());
		List<ExtractView> list = extracts.list(w.place().scope());
		assertThat(list).hasSize(7).allSatisfy(e -> assertThat(e.badRows()).isEqualTo(1));
		assertThat(jdbc.sql("SELECT count(*) FROM crosscheck_extract_row WHERE id_hash = ? OR item LIKE ?")
			.params(w.data().families.get(0).head().id(), "%" + w.data().families.get(0).head().id() + "%")
			.query(Long.class).single()).isZero();
	}

	@Test
	void anotherOrganisationSeesNoneOfTheFindingsAndItsPersonIsNotMatched() {
		var w = world();
		assertThat(all(w.outsiderWorker())).isEmpty();
		assertThat(all(w.worker())).noneMatch(f -> f.memberName().equals(w.data().outsider.name()));
		long id = all(w.worker()).get(0).id();
		assertThatThrownBy(() -> CrossCheckWorld.as(w.outsiderWorker(), () -> findings.finding(w.outsiderWorker().scope(), id)))
			.isInstanceOf(BangfuException.class);
	}

	@Test
	void lookingAtFindingsIsAuditedAndADecisionNeedsAReason() {
		var w = world();
		FindingView f = all(w.worker()).stream().filter(x -> x.kind() == FindingKind.BUSINESS).findFirst().orElseThrow();
		long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'crosscheck.finding.view' AND object_id = ?")
			.param(Long.toString(f.id())).query(Long.class).single();
		CrossCheckWorld.as(w.worker(), () -> findings.finding(w.worker().scope(), f.id()));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'crosscheck.finding.view' AND object_id = ?")
			.param(Long.toString(f.id())).query(Long.class).single()).isEqualTo(before + 1);
		assertThatThrownBy(() -> CrossCheckWorld.as(w.worker(), () -> findings.dismiss(w.worker(), f.id(), " ")))
			.isInstanceOf(BangfuException.class);
		FindingView dismissed = CrossCheckWorld.as(w.worker(), () -> findings.dismiss(w.worker(), f.id(), "营业执照已注销"));
		assertThat(dismissed.status()).isEqualTo(FindingStatus.DISMISSED);
		assertThat(dismissed.reason()).isEqualTo("营业执照已注销");
		assertThatThrownBy(() -> CrossCheckWorld.as(w.worker(), () -> findings.confirm(w.worker(), f.id(), "再次", FollowUp.NONE)))
			.isInstanceOf(BangfuException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'crosscheck.finding.dismiss' AND object_id = ?")
			.param(Long.toString(f.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anExtractPastItsRetentionIsPurgedWithItsOpenFindings() {
		var w = worlds.world(2);
		ExtractView e = worlds.importKind(w, w.worker(), ExtractKind.VEHICLE, StandardCharsets.UTF_8, 1);
		FindingView kept = CrossCheckWorld.as(w.worker(), () -> findings.list(w.worker().scope(), FindingStatus.OPEN, e.id(), null, 0, 10)).get(0);
		CrossCheckWorld.as(w.worker(), () -> findings.confirm(w.worker(), kept.id(), "车辆属实", FollowUp.FILE));
		assertThat(extracts.purgeExpired()).as("not expired yet").isZero();
		jdbc.sql("UPDATE crosscheck_extract SET retain_until = retain_until - 2 WHERE id = ?").param(e.id()).update();
		assertThat(extracts.purgeExpired()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM crosscheck_extract_row WHERE extract_id = ?").param(e.id()).query(Long.class).single()).isZero();
		List<FindingView> left = CrossCheckWorld.as(w.worker(), () -> findings.list(w.worker().scope(), null, e.id(), null, 0, 10));
		assertThat(left).extracting(FindingView::id).containsExactly(kept.id());
		assertThat(left.get(0).reason()).isEqualTo("车辆属实");
		assertThat(left.get(0).evidence()).allSatisfy(r -> assertThat(r).containsOnlyKeys("line"));
		assertThat(extracts.extract(w.place().scope(), e.id()).purged()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'crosscheck.extract.purge' AND object_id = ?")
			.param(Long.toString(e.id())).query(Long.class).single()).isEqualTo(1);
	}

}
