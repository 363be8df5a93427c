package org.bangfu.synthetic;

import java.util.SplittableRandom;

/** Plausible Chinese names: a common surname (more common ones more often) and one or two given characters. */
final class Names {

	/** Roughly in order of frequency; picked with a bias towards the front. */
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文海东峰成亮新春永庆德福贵生荣祥";

	private static final String FEMALE = "芳娜敏静丽艳娟霞秀玲桂英兰红梅琳燕萍雪慧婷倩颖洁丹琴云莉佳欣怡月凤翠珍玉淑惠";

	private Names() {
	}

	static String surname(SplittableRandom rng) {
		double u = rng.nextDouble();
		return String.valueOf(SURNAMES.charAt((int) (u * u * SURNAMES.length())));
	}

	static String given(SplittableRandom rng, boolean male) {
		String chars = male ? MALE : FEMALE;
		char a = chars.charAt(rng.nextInt(chars.length()));
		if (rng.nextInt(100) < 30) {
			return String.valueOf(a);
		}
		return new String(new char[] { a, chars.charAt(rng.nextInt(chars.length())) });
	}

}
