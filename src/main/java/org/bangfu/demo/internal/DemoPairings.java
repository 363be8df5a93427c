package org.bangfu.demo.internal;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.demo.internal.DemoActors.DemoUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.CadreView;
import org.bangfu.pairing.Checklist;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.PairingSettings;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.pairing.Visits;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The demo pairings and visits: demo.cadre paired with households of 大智街道工会 up to the cap
 * and visiting them over the past months (some overdue, some due soon under the street's 30-day
 * visit rule); named cadres without a login for the other households, a few left unpaired in
 * each organisation so the unpaired list shows what it is for.
 */
@Component
class DemoPairings {

	/** Households of each organisation left without a cadre. */
	static final int UNPAIRED = 3;

	/** The street union's visit rule: every 30 days (plan 7 asks for monthly visits). */
	static final int VISIT_DAYS = 30;

	private static final String SURNAMES = "王李张刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏";

	private static final List<String> GIVEN = List.of("建国", "秀英", "志强", "丽华", "海燕", "国庆", "红梅", "文斌", "晓东", "春燕",
			"永刚", "桂兰", "德华", "玉兰", "明辉", "淑珍", "卫东", "小红", "建军", "雪梅", "振华", "静", "伟", "敏");

	private static final List<String> POSITIONS = List.of("街道党工委委员", "社区党委书记", "工会干部", "党员志愿者", "社区网格员");

	private final Pairings pairings;

	private final Visits visits;

	DemoPairings(Pairings pairings, Visits visits) {
		this.pairings = pairings;
		this.visits = visits;
	}

	/**
	 * Pairs demo.cadre with the first households of the street (as many as the cap allows) and
	 * records their visits; returns how many households were given to demo.cadre.
	 */
	int cadre(DemoUser admin, DemoUser cadre, OrganisationView street, List<Long> households) {
		LocalDate today = visits.today();
		PairingSettings settings = pairings.settings(admin.scope(), street.id());
		DemoActors.run(admin, () -> visits.setPolicy(admin.scope(),
				new SetPolicy(street.id(), null, Frequency.DAYS, VISIT_DAYS)));
		int[] startedDaysAgo = { 200, 200, 200, 120, 60 };
		int mine = Math.min(Math.min(settings.cadreCap(), startedDaysAgo.length), households.size());
		for (int i = 0; i < mine; i++) {
			long household = households.get(i);
			LocalDate started = today.minusDays(startedDaysAgo[i]);
			DemoActors.run(admin, () -> pairings.pair(admin.scope(), new Pair(null, cadre.id(), household, null, started,
					null)));
		}
		// first: never visited (overdue); second: last visit 45 days ago (overdue); third and fourth:
		// due within two weeks; fifth: visited last week
		int[][] visitsDaysAgo = { {}, { 150, 45 }, { 110, 80, 22 }, { 25 }, { 6 } };
		for (int i = 0; i < mine; i++) {
			for (int daysAgo : visitsDaysAgo[i]) {
				visit(cadre, households.get(i), today.minusDays(daysAgo), i + daysAgo);
			}
		}
		return mine;
	}

	/**
	 * Registers named cadres of the organisation and pairs each with up to the cap of the
	 * households, all but the last {@link #UNPAIRED}; starts spread over the past months.
	 */
	void named(DemoUser by, OrganisationView org, List<Long> households, int firstName, int spreadDays) {
		LocalDate today = visits.today();
		Scope scope = by.scope();
		int cap = pairings.settings(scope, org.id()).cadreCap();
		int paired = Math.max(0, households.size() - UNPAIRED);
		for (int from = 0, n = 0; from < paired; from += cap, n++) {
			int index = firstName + n;
			CadreView cadre = DemoActors.as(by, () -> pairings.registerCadre(scope, new RegisterCadre(org.id(), name(index),
					String.format("139%08d", 27_000_000 + index * 7_919), POSITIONS.get(index % POSITIONS.size()))));
			for (int i = from; i < Math.min(from + cap, paired); i++) {
				long household = households.get(i);
				LocalDate started = today.minusDays(1 + (i * 37L) % spreadDays);
				DemoActors.run(by, () -> pairings.pair(scope, new Pair(cadre.id(), null, household, null, started, null)));
			}
		}
	}

	private void visit(DemoUser cadre, long household, LocalDate on, int variant) {
		boolean home = variant % 3 != 1;
		Checklist checklist = new Checklist(variant % 4 != 0, true, true, variant % 5 != 0, true, true, true, true, true);
		DemoActors.run(cadre, () -> visits.record(cadre.actor(), new RecordVisit(household, on,
				home ? VisitKind.HOME : VisitKind.PHONE, "赵干部", home ? "入户走访，了解家庭收入和就医情况。" : "电话回访，询问近况。",
				variant % 2 == 0 ? "子女学费尚有缺口。" : "家中老人需长期服药。", "协助申请助学救助，联系社区卫生服务中心上门随访。", checklist,
				"demo-visit-" + household + "-" + on)));
	}

	static String name(int index) {
		return SURNAMES.charAt((index * 7) % SURNAMES.length()) + GIVEN.get((index * 11) % GIVEN.size());
	}

}
