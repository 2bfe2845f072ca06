package dev.rapport.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Free-text feedback in the customers' languages. What a comment says fits its score: detractors
 * complain about delivery, price, support or quality; promoters praise. Serbian comes in both scripts.
 */
final class FeedbackComments {

    enum Topic {
        DELIVERY,
        PRICE,
        SUPPORT,
        QUALITY
    }

    /** A comment and its ISO 639-1 language. */
    record Comment(String text, String language) {}

    private static final Map<String, Map<Topic, List<String>>> COMPLAINTS = Map.of(
            "en",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "The package arrived a week late and nobody told me why.",
                                            "Courier never showed up, I had to pick it up myself."),
                            Topic.PRICE,
                                    List.of(
                                            "Way too expensive compared to other shops.",
                                            "Shipping costs more than the product, not worth it."),
                            Topic.SUPPORT,
                                    List.of(
                                            "Support never answered my emails, very disappointing.",
                                            "I waited 40 minutes on the phone and the problem is still not solved."),
                            Topic.QUALITY,
                                    List.of("The product broke after two weeks.", "Cheap quality, not as described.")),
            "sr",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "Paket je stigao nedelju dana kasnije i niko mi nije javio zašto.",
                                            "Kurir se nije pojavio, morao sam sam da podignem paket."),
                            Topic.PRICE,
                                    List.of(
                                            "Preskupo u poređenju sa drugim prodavnicama.",
                                            "Dostava košta više od samog proizvoda."),
                            Topic.SUPPORT,
                                    List.of(
                                            "Podrška nikada nije odgovorila na moj mejl.",
                                            "Čekao sam pola sata na telefonu i problem i dalje nije rešen."),
                            Topic.QUALITY,
                                    List.of(
                                            "Proizvod se pokvario posle dve nedelje.",
                                            "Loš kvalitet, nije kao na slici.")),
            "ru",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "Посылка пришла на неделю позже, и никто не объяснил почему.",
                                            "Курьер так и не приехал, пришлось забирать самому."),
                            Topic.PRICE,
                                    List.of(
                                            "Слишком дорого по сравнению с другими магазинами.",
                                            "Доставка стоит дороже самого товара."),
                            Topic.SUPPORT,
                                    List.of(
                                            "Служба поддержки так и не ответила на моё письмо.",
                                            "Полчаса ждал на линии, а проблема так и не решена."),
                            Topic.QUALITY,
                                    List.of("Товар сломался через две недели.", "Качество плохое, не как на фото.")),
            "fa",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "بسته یک هفته دیرتر رسید و هیچ‌کس دلیلش را نگفت.",
                                            "پیک اصلاً نیامد و خودم مجبور شدم بسته را تحویل بگیرم."),
                            Topic.PRICE,
                                    List.of(
                                            "در مقایسه با فروشگاه‌های دیگر خیلی گران است.",
                                            "هزینه ارسال از خود کالا بیشتر است."),
                            Topic.SUPPORT,
                                    List.of(
                                            "پشتیبانی هیچ‌وقت به ایمیل من جواب نداد.",
                                            "نیم ساعت پشت خط ماندم و مشکل هنوز حل نشده است."),
                            Topic.QUALITY,
                                    List.of("محصول بعد از دو هفته خراب شد.", "کیفیت پایین است و با توضیحات فرق دارد.")),
            "af",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "Die pakkie het 'n week laat aangekom en niemand het gesê hoekom nie.",
                                            "Die koerier het nooit opgedaag nie, ek moes dit self gaan haal."),
                            Topic.PRICE,
                                    List.of(
                                            "Veels te duur in vergelyking met ander winkels.",
                                            "Die aflewering kos meer as die produk self."),
                            Topic.SUPPORT,
                                    List.of(
                                            "Kliëntediens het nooit my e-pos beantwoord nie.",
                                            "Ek het 'n halfuur op die foon gewag en die probleem is steeds nie opgelos nie."),
                            Topic.QUALITY,
                                    List.of(
                                            "Die produk het na twee weke gebreek.",
                                            "Swak gehalte, nie soos beskryf nie.")),
            "lt",
                    Map.of(
                            Topic.DELIVERY,
                                    List.of(
                                            "Siunta atkeliavo savaite vėliau ir niekas nepaaiškino kodėl.",
                                            "Kurjeris taip ir neatvyko, teko siuntą pasiimti pačiam."),
                            Topic.PRICE,
                                    List.of(
                                            "Per brangu, palyginti su kitomis parduotuvėmis.",
                                            "Pristatymas kainuoja daugiau nei pats produktas."),
                            Topic.SUPPORT,
                                    List.of(
                                            "Klientų aptarnavimas taip ir neatsakė į mano laišką.",
                                            "Pusvalandį laukiau telefonu, o problema vis dar neišspręsta."),
                            Topic.QUALITY,
                                    List.of(
                                            "Produktas sugedo po dviejų savaičių.",
                                            "Prasta kokybė, ne tokia kaip aprašyta.")));

    private static final Map<String, List<String>> NEUTRAL = Map.of(
            "en", List.of("It was okay, nothing special.", "Delivery was fine but the prices could be lower."),
            "sr", List.of("Bilo je u redu, ništa posebno.", "Dostava je bila ok, ali cene bi mogle da budu niže."),
            "ru", List.of("В целом нормально, ничего особенного.", "Доставка в порядке, но цены могли бы быть ниже."),
            "fa", List.of("بد نبود، چیز خاصی هم نبود.", "ارسال خوب بود ولی قیمت‌ها می‌توانست پایین‌تر باشد."),
            "af", List.of("Dit was oukei, niks besonders nie.", "Aflewering was goed, maar die pryse kan laer wees."),
            "lt", List.of("Buvo neblogai, nieko ypatingo.", "Pristatymas geras, bet kainos galėtų būti mažesnės."));

    private static final Map<String, List<String>> PRAISE = Map.of(
            "en",
                    List.of(
                            "Fast delivery and great service, thank you!",
                            "Excellent quality, I will definitely order again.",
                            "Support solved my problem in minutes.",
                            "Best prices I have found, recommended to my friends."),
            "sr",
                    List.of(
                            "Brza dostava i odlična usluga, hvala!",
                            "Odličan kvalitet, sigurno ću ponovo naručiti.",
                            "Podrška je rešila moj problem za nekoliko minuta.",
                            "Najbolje cene, preporučio sam vas prijateljima."),
            "ru",
                    List.of(
                            "Быстрая доставка и отличный сервис, спасибо!",
                            "Отличное качество, обязательно закажу ещё.",
                            "Поддержка решила мою проблему за несколько минут.",
                            "Лучшие цены, порекомендовал вас друзьям."),
            "fa",
                    List.of(
                            "ارسال سریع و خدمات عالی، ممنونم!",
                            "کیفیت عالی، حتماً دوباره سفارش می‌دهم.",
                            "پشتیبانی مشکلم را در چند دقیقه حل کرد.",
                            "بهترین قیمت‌ها، شما را به دوستانم معرفی کردم."),
            "af",
                    List.of(
                            "Vinnige aflewering en uitstekende diens, dankie!",
                            "Uitstekende gehalte, ek sal beslis weer bestel.",
                            "Kliëntediens het my probleem binne minute opgelos.",
                            "Die beste pryse, ek het julle by my vriende aanbeveel."),
            "lt",
                    List.of(
                            "Greitas pristatymas ir puikus aptarnavimas, ačiū!",
                            "Puiki kokybė, tikrai užsisakysiu dar kartą.",
                            "Klientų aptarnavimas išsprendė mano problemą per kelias minutes.",
                            "Geriausios kainos, rekomendavau jus draugams."));

    private FeedbackComments() {}

    /** The language a person of this country writes feedback in; Serbs write in either script. */
    static String language(Country country, SplittableRandom random) {
        double r = random.nextDouble();
        switch (country) {
            case RS:
                return r < 0.9 ? (r < 0.35 ? "sr-Cyrl" : "sr") : "en";
            case RU:
                return r < 0.9 ? "ru" : "en";
            case IR:
                return r < 0.7 ? "fa" : "en";
            case ZA:
                return r < 0.45 ? "af" : "en";
            case LT:
                return r < 0.75 ? "lt" : "en";
            case US:
            case GB:
            case DE:
                return "en";
        }
        throw new IllegalArgumentException("unknown country " + country);
    }

    static Comment complaint(String language, Topic topic, SplittableRandom random) {
        return in(language, COMPLAINTS.get(base(language)).get(topic), random);
    }

    static Comment neutral(String language, SplittableRandom random) {
        return in(language, NEUTRAL.get(base(language)), random);
    }

    static Comment praise(String language, SplittableRandom random) {
        return in(language, PRAISE.get(base(language)), random);
    }

    private static Comment in(String language, List<String> texts, SplittableRandom random) {
        String text = Country.pickFrom(texts, random);
        if (language.equals("sr-Cyrl")) {
            return new Comment(ScriptTransliterator.serbianToCyrillic(text), "sr");
        }
        return new Comment(text, language);
    }

    private static String base(String language) {
        return language.equals("sr-Cyrl") ? "sr" : language;
    }
}
