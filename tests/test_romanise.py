"""Other spellings of a registered name (facilitator.romanise).

A note-taker types the spelling they know; the register holds one. Each test
names real spellings that must be generated, and a few that must not: every
generated form becomes a name the attribution gate flags anywhere, so a silly
form is a false positive waiting to happen."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from facilitator.romanise import spelling_pairs, spellings, surname_spellings

try:
    import pykakasi  # noqa: F401  (optional, GPL: the `japanese` extra; the `test` extra installs it)
    HAS_KAKASI = True
except ImportError:
    HAS_KAKASI = False
#: Kanji given names are read by pykakasi only.
needs_kakasi = pytest.mark.skipif(not HAS_KAKASI, reason="pykakasi (the optional `japanese` extra) is not installed")


def has(forms: list[str], *expected: str) -> None:
    missing = [e for e in expected if e not in forms]
    assert not missing, f"missing {missing} in {forms}"


def lacks(forms: list[str], *unexpected: str) -> None:
    folded = {f.casefold() for f in forms}
    present = [u for u in unexpected if u.casefold() in folded]
    assert not present, f"unexpected {present} in {forms}"


# --- 1. Cyrillic -------------------------------------------------------------------------------------------

def test_russian_name_in_english_french_and_german_usage():
    forms = spellings("Наталья Кузнецова")
    has(forms, "Natalya Kuznetsova", "Natalia Kuznetsova", "Nataliya Kuznetsova",  # English usage, BGN/PCGN
        "Natalja Kusnezowa",  # German (Duden)
        "Natalia Kouznetsova",  # French (Le Monde / AFP)
        "Natala Kuznecova", "Natalja Kuznecova")  # ISO 9 without diacritics, scholarly with digraphs
    lacks(forms, "Наталья Кузнецова", "Natalya Kouznetsova Kusnezowa")


def test_russian_surname_after_a_vowel():
    for forms in (surname_spellings("Андреев"), spellings("Андреев")):
        has(forms, "Andreev", "Andreyev", "Andrejew", "Andreiev")


def test_chekhov():
    forms = spellings("Антон Чехов")
    has(forms, "Anton Chekhov", "Anton Tchekhov", "Anton Tschechow", "Anton Cehov")


def test_russian_endings_in_ii_iy_y():
    forms = spellings("Дмитрий Медведев")
    has(forms, "Dmitry Medvedev", "Dmitriy Medvedev", "Dmitrii Medvedev", "Dmitri Medvedev",
        "Dmitri Medwedew")
    forms = spellings("Фёдор Достоевский")
    has(forms, "Fyodor Dostoyevsky", "Fyodor Dostoevsky", "Fedor Dostoevskiy", "Fiodor Dostoievski",
        "Fjodor Dostojewski")


def test_russian_ks_and_final_y():
    forms = spellings("Алексей Навальный")
    has(forms, "Aleksey Navalny", "Alexei Navalny", "Alexey Navalny", "Alexej Nawalny", "Alexei Navalnyi")


def test_french_final_ine_and_ou():
    has(spellings("Владимир Путин"), "Vladimir Putin", "Vladimir Poutine", "Wladimir Putin")
    has(surname_spellings("Ельцин"), "Yeltsin", "Eltsine", "Jelzin")


def test_ukrainian_name():
    forms = spellings("Володимир Зеленський")
    has(forms, "Volodymyr Zelenskyi", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy",
        "Wolodymyr Selenskyj")
    has(spellings("Юлія Тимошенко"), "Yuliia Tymoshenko", "Yulia Tymoshenko", "Yuliya Tymoshenko",
        "Julija Tymoschenko")
    has(spellings("Дмитро Кулеба"), "Dmytro Kuleba", "Dmitro Kouleba")  # no Ukrainian letter: read both ways
    has(spellings("Олександр Шевченко"), "Oleksandr Shevchenko", "Oleksandr Schewtschenko",
        "Oleksandr Chevtchenko", "Oleksandr Szewczenko", "Oleksandr Sevcenko")


def test_belarusian_name():
    forms = spellings("Святлана Ціханоўская")
    has(forms, "Sviatlana Tsikhanouskaya", "Svyatlana Tsikhanowskaya")
    has(spellings("Аляксандр Лукашэнка"), "Aliaksandr Lukashenka")


def test_bulgarian_and_serbian_names():
    has(spellings("Христо Стоичков"), "Hristo Stoichkov", "Khristo Stoichkov", "Christo Stoitschkow")
    has(spellings("Бойко Борисов"), "Boyko Borisov", "Boiko Borisov")
    forms = spellings("Новак Ђоковић")
    has(forms, "Novak Djokovic", "Novak Dokovic", "Novak Djokovich")


# --- 2. Greek -----------------------------------------------------------------------------------------------

def test_greek_surnames():
    has(surname_spellings("Παπαδοπούλου"), "Papadopoulou")
    has(surname_spellings("Κωνσταντίνου"), "Konstantinou", "Konstadinou")
    has(spellings("Ελένη Κωνσταντίνου"), "Eleni Konstantinou", "Eleni Konstadinou")


def test_greek_given_names():
    forms = spellings("Γιώργος Παπαδόπουλος")
    has(forms, "Giorgos Papadopoulos", "Yiorgos Papadopoulos", "Yorgos Papadopoulos")
    lacks(forms, "Georgios Papadopoulos", "George Papadopoulos")
    has(spellings("Κυριάκος Μητσοτάκης"), "Kyriakos Mitsotakis", "Kiriakos Mitsotakis")
    has(spellings("Αλέξης Τσίπρας"), "Alexis Tsipras", "Aleksis Tsipras")
    has(spellings("Χρήστος Μπακογιάννης"), "Christos Bakogiannis", "Christos Bakoyannis", "Hristos Bakogiannis",
        "Christos Mpakogiannis")
    has(spellings("Ευάγγελος Βενιζέλος"), "Evangelos Venizelos")
    has(spellings("Δημήτρης Ντόκος"), "Dimitris Dokos", "Dimitris Ntokos", "Demetris Dokos")


def test_greek_anglicised_spellings():
    has(spellings("Ελένη Οικονόμου"), "Eleni Oikonomou", "Eleni Ikonomou", "Eleni Economou")
    has(spellings("Κωνσταντίνος Νικολάου"), "Konstantinos Nikolaou", "Constantinos Nicolaou")
    lacks(spellings("Ελένη Οικονόμου"), "Eleni Oiconomou")  # the anglicised spelling is one scheme, not a mix


# --- 3. Arabic ----------------------------------------------------------------------------------------------

def test_arabic_script_names_from_the_table():
    forms = spellings("أحمد الهاشمي")
    has(forms, "Ahmad al-Hashimi", "Ahmed al-Hashimi", "Ahmed Hashemi", "Ahmad Alhashimi", "Ahmed el-Hachemi",
        "Ahmad Al Hashimi")
    has(spellings("فاروق القدومي"), "Farouk Kaddoumi", "Farouk al-Qaddoumi", "Faruq al-Qaddumi")
    has(spellings("خالد المنصوري"), "Khalid al-Mansouri", "Khaled Mansoori", "Khalid Mansuri")


def test_arabic_article_and_sun_letters():
    forms = surname_spellings("الشامي")
    has(forms, "Al-Shami", "Ash-Shami", "Shami", "Chami", "El-Chami", "Alshami", "Al Shami")
    has(spellings("عبد الرحمن التميمي"), "Abdulrahman al-Tamimi", "Abd al-Rahman at-Tamimi",
        "Abdel Rahman Tamimi", "Abderrahmane Tamimi")


def test_arabic_given_names():
    has(spellings("فاطمة الخطيب"), "Fatima al-Khatib", "Fatma el-Khatib", "Fatimah Khatib")
    has(spellings("محمد العلي"), "Muhammad al-Ali", "Mohammed al-Ali", "Mohamed el-Ali")
    has(spellings("يوسف حداد"), "Youssef Haddad", "Yusuf Haddad")


def test_arabic_word_outside_the_table_gets_a_skeleton():
    forms = surname_spellings("الزرقاني")
    assert forms, "a consonant skeleton at least"
    assert any("zrqani" in f.casefold() for f in forms), forms


def test_latin_arabic_article_forms():
    forms = spellings("Al-Hashimi")
    has(forms, "El-Hachemi", "Hashemi", "Hashimi", "Alhashimi", "Al Hashimi", "El Hashimi")
    has(spellings("Karim Al-Hashimi"), "Karim El-Hachemi", "Karim Hashemi", "Kareem Al-Hashimi")


def test_latin_arabic_vowels_and_q():
    has(spellings("Qaddoumi"), "Kaddoumi", "Qaddumi", "Kaddumi", "Qadoumi")
    has(spellings("Al-Mansouri"), "Al Mansoori", "Mansuri", "El-Mansouri")
    has(spellings("Tariq Al-Masri"), "Tarek Al-Masri", "Tariq El-Masry", "Tariq Masri")
    has(spellings("Yasmine Benjelloun"), "Yasmine Ben Jelloun")
    has(spellings("Youssef Ben Salem"), "Youssef Bensalem", "Youssef Ben Salim")
    lacks(spellings("Benjamin Bennett"), "Ben Jamin Bennett", "Benjamin Ben Nett")


def test_latin_arabic_rules_leave_other_names_alone():
    assert spellings("Grace Young") == []
    assert spellings("Quentin Blake") == []
    lacks(spellings("Mario Bianchi"), "Mario Bianshi", "Mario Bianci")
    lacks(spellings("Paolo Rossi"), "Paolo Rosi", "Paolo Rossy")
    lacks(spellings("Alberto Machado"), "Alberto Mcchado", "Alberto Berto Machado")


# --- 4. Chinese ---------------------------------------------------------------------------------------------

def test_chinese_pinyin_wade_giles_and_cantonese_surname():
    forms = spellings("王小明")
    has(forms, "Wang Xiaoming", "Xiaoming Wang", "Wang Hsiao-ming", "Wang Hsiaoming", "Hsiao-ming Wang",
        "Wong Xiaoming", "Xiaoming Wong")


def test_chinese_two_character_names():
    has(spellings("李伟"), "Li Wei", "Wei Li", "Lee Wei")
    has(spellings("张伟"), "Zhang Wei", "Chang Wei", "Cheung Wei")
    has(spellings("陳美玲"), "Chen Meiling", "Chan Meiling", "Chen Mei-ling", "Tan Meiling")


def test_wade_giles_classics():
    has(spellings("毛泽东"), "Mao Zedong", "Mao Tse-tung")
    forms = spellings("周恩来")
    has(forms, "Zhou Enlai", "Chou En-lai", "Chow Enlai")
    lacks(forms, "Chou En-lei")  # pypinyin's own Wade-Giles gets "lai" wrong; ours does not
    has(spellings("习近平"), "Xi Jinping", "Hsi Chin-ping", "Jinping Xi")
    has(spellings("蒋介石"), "Chiang Chieh-shih", "Jiang Jieshi")


def test_chinese_surname_readings():
    has(spellings("曾国藩"), "Zeng Guofan", "Tseng Kuo-fan", "Tsang Guofan")
    lacks(spellings("曾国藩"), "Ceng Guofan")
    has(spellings("单田芳"), "Shan Tianfang")
    has(spellings("欧阳修"), "Ouyang Xiu", "Xiu Ouyang", "Ou-yang Hsiu", "Au-Yeung Xiu")
    has(spellings("司马光", surname="司马"), "Sima Guang", "Ssu-ma Kuang", "Guang Sima")
    has(surname_spellings("黄"), "Huang", "Wong", "Ng")
    forms = spellings("林霞", surname="林")  # 林 is a Japanese family name too, but a one-character one
    has(forms, "Lin Xia", "Lin Hsia", "Lam Xia", "Lim Xia")
    lacks(forms, "Hayashi Kasumi")


# --- 5. Korean ----------------------------------------------------------------------------------------------

def test_korean_revised_and_usual_surname():
    forms = spellings("김민수")
    has(forms, "Kim Minsu", "Kim Min-su", "Kim Min Su", "Gim Minsu", "Minsu Kim", "Min-su Kim", "Kim Minsoo")
    lacks(forms, "김민수")


def test_korean_mccune_reischauer_and_popular_forms():
    has(spellings("박근혜"), "Park Geun-hye", "Pak Kun-hye", "Bak Geunhye", "Geun-hye Park")
    has(spellings("문재인"), "Moon Jae-in", "Mun Jae-in", "Mun Chae-in")
    has(spellings("이영희"), "Lee Young-hee", "Yi Yeonghui", "Rhee Yeong-hui", "Lee Yong-hui")
    has(spellings("김대중"), "Kim Dae-jung", "Kim Tae-jung", "Kim Daejung")
    has(spellings("정은지"), "Jung Eun-ji", "Jeong Eunji", "Chung Eun-ji")


def test_korean_two_syllable_surname():
    forms = spellings("남궁민")
    has(forms, "Namgung Min", "Min Namgung")
    has(surname_spellings("최"), "Choi", "Choe")


def test_korean_one_letter_surnames_are_left_out():
    for name in ("이민호", "오세훈", "우상호"):
        for form in spellings(name):
            assert all(len(word) > 1 for word in form.split()), form
    has(spellings("오세훈"), "Oh Se-hoon", "Oh Sehun")


# --- 6. Japanese --------------------------------------------------------------------------------------------

@needs_kakasi
def test_japanese_name_with_surname():
    for forms in (spellings("田中太郎", surname="田中"), spellings("田中 太郎")):
        has(forms, "Tanaka Taro", "Taro Tanaka", "Tanaka Tarou", "Tanaka Taroh")


def test_japanese_long_vowels():
    has(surname_spellings("大野"), "Ono", "Ohno", "Oono")
    has(surname_spellings("伊藤"), "Ito", "Itoh", "Itou")
    has(surname_spellings("佐藤"), "Sato", "Satoh", "Satou")
    has(surname_spellings("本間"), "Homma", "Honma")
    forms = surname_spellings("井上")
    has(forms, "Inoue")
    lacks(forms, "Inoe", "Inohe")


@needs_kakasi
def test_japanese_common_surname_readings():
    has(spellings("佐藤花子"), "Sato Hanako", "Hanako Sato", "Satoh Hanako")
    has(spellings("菅義偉"), "Suga Yoshihide", "Yoshihide Suga")
    has(surname_spellings("河野"), "Kono", "Kohno", "Kawano")


def test_japanese_kana_name():
    has(spellings("さとう ゆうこ"), "Sato Yuko", "Yuko Sato", "Satou Yuuko")


# --- 7. Latin -----------------------------------------------------------------------------------------------

def test_latin_slavic_variants():
    has(spellings("Sergei Andreev"), "Sergei Andreyev", "Sergey Andreev", "Sergej Andreev")
    has(surname_spellings("Andreyev"), "Andreev")
    lacks(surname_spellings("Andreyev"), "Andriyev")
    has(surname_spellings("Smirnov"), "Smirnoff")
    has(spellings("Сергей Смирнов"), "Sergey Smirnoff", "Sergej Smirnow")
    has(surname_spellings("Dostoevsky"), "Dostoevski", "Dostoevskiy", "Dostoevskii", "Dostoyevsky")
    has(surname_spellings("Aleksandrov"), "Alexandrov")
    has(spellings("Natalya Kuznetsova"), "Natalia Kuznetsova", "Nataliya Kuznetsova")
    has(spellings("Ivan Petrović"), "Ivan Petrovich")


def test_latin_mc_and_mac():
    has(surname_spellings("McDonald"), "MacDonald")  # "Macdonald" is the same to a case-blind matcher
    has(surname_spellings("MacKenzie"), "McKenzie")
    has(surname_spellings("Macdonald"), "McDonald")
    assert surname_spellings("Macron") == []
    assert surname_spellings("Mack") == []


def test_english_names_get_nothing():
    for name in ("Grace Young", "Quentin Blake", "Mary Shelley", "John Smith", "Anne-Marie Dupont-Aignan",
                 "Jürgen Müller", "Rose Mwangi", "Kwame Mensah-Bonsu"):
        assert spellings(name) == [], name


# --- 8. Thai ------------------------------------------------------------------------------------------------

# Registered name -> spellings a note-taker types (RTGS, and the usual passport and press spellings).
THAI_BENCHMARK = {
    "สมศักดิ์ บุญมา": ("Somsak Boonmaa", "Somsak Bunma"),
    "ชัยวัฒน์ ใจดี": ("Chaiwat Jaidee", "Chaiwat Chaidi"),
    "บุญมี รุ่งเรือง": ("Boonmee Rungruang", "Bunmi Rungrueang", "Bunmi Rungruang"),
    "สุภาพร ชัยประเสริฐ": ("Supaporn Chaiprasert", "Suphaphon Chaiprasoet"),
    "ประเสริฐ ทองดี": ("Prasert Thongdee", "Prasert Tongdee", "Prasoet Thongdi"),
    "มาลี แสงทอง": ("Malee Saengthong", "Malee Seangtong", "Mali Saengthong"),
    "พรทิพย์ ศรีวงศ์": ("Pornthip Sriwong", "Phonthip Siwong"),
    "กิตติศักดิ์ มีสุข": ("Kittisak Meesuk", "Kittisak Misuk"),
    "อนงค์ สุวรรณศรี": ("Anong Suwansri", "Anong Suwannasri", "Anong Suwannasi"),
    "รัตนา อินทรสุวรรณ": ("Rattana Intrasuwan", "Rattana Intarasuwan", "Rattana Intharasuwan"),
    "กัญญา พงษ์ไพบูลย์": ("Kanya Pongpaiboon", "Kanya Phongphaibun"),
}


def folded(forms: list[str]) -> set[str]:
    return {f.casefold() for f in forms}


@pytest.mark.parametrize("name", list(THAI_BENCHMARK))
def test_thai_names_as_note_takers_type_them(name):
    forms = spellings(name)
    missing = [e for e in THAI_BENCHMARK[name] if e.casefold() not in folded(forms)]
    assert not missing, f"missing {missing} in {forms}"


def test_thai_names_come_in_both_orders_naming_the_family_name():
    pairs = dict(spelling_pairs("สมศักดิ์ บุญมา"))
    assert pairs["Somsak Bunma"] is None  # the family name is the last word
    assert pairs["Bunma Somsak"] == "Bunma" and pairs["Boonma Somsak"] == "Boonma"
    has(spellings("กัญญา พงษ์ไพบูลย์"), "Phongphaibun Kanya", "Pongpaiboon Kanya")


def test_thai_compound_surnames_are_spelled_element_by_element():
    has(surname_spellings("ศรีวงศ์"), "Sriwong", "Siwong", "Srivong")
    has(surname_spellings("ชัยประเสริฐ"), "Chaiprasert", "Chaiprasoet")
    has(surname_spellings("สุวรรณศรี"), "Suwansri", "Suwannasri")
    lacks(surname_spellings("อินทรสุวรรณ"), "Intharasuwanna")  # Suwanna- only before another element


def test_thai_rules_for_words_outside_the_table():
    # Inherent o between the consonants of a closed syllable, a thanthakhat silencing its
    # consonant (and the syllable ending there), ห นำ, a lead vowel read after its consonant.
    has(spellings("สมชาย วงศ์สวัสดิ์"), "Somchai Wongsawat", "Somchai Wongsawad")
    has(spellings("ชวน หลีกภัย"), "Chuan Likphai", "Chuan Leekpai")
    has(spellings("อภิสิทธิ์ เวชชาชีวะ"), "Aphisit Wetchachiwa", "Apisit Wetchachiwa")
    has(spellings("ปิยบุตร แสงกนกกุล"), "Piyabut Saengkanokkun", "Piyabut Saengkanokkul")
    has(spellings("อนุทิน ชาญวีรกูล"), "Anuthin Chanwirakun", "Anutin Chanwirakul")
    has(spellings("ยิ่งลักษณ์ ชินวัตร"), "Yingluck Shinawatra", "Yinglak Chinnawat")


@pytest.mark.parametrize("word, expected", [
    ("ศักดิ์", "Sak"),  # ์ silences ดิ (a consonant and its vowel)
    ("จันทร์", "Chan"),  # ์ on ร silences ทร
    ("นิรันดร์", "Niran"),
    ("สมหมาย", "Sommai"),  # ห นำ: a silent h
    ("อนงค์", "Anong"),  # a in an open syllable, then o between consonants
    ("ณรงค์", "Narong"),
    ("แสงทอง", "Saengthong"),  # lead vowel แ, อ as the vowel o
    ("เจริญ", "Charoen"),  # เ belongs to the second consonant
    ("เฉลิม", "Chaloem"),
    ("ไทย", "Thai"),  # the ย of ไ-ย is silent
    ("ประภา", "Prapha"),  # a true cluster
    ("แก้ว", "Kaeo"),  # a final ว, not a cluster กว
    ("ขวัญ", "Khwan"),
    ("ควร", "Khuan"),  # ว as the vowel ua
    ("บุตร", "But"),  # a silent final ร
    ("ทิพวรรณ", "Thipwan"),  # รร: a and a final
    ("นฤมล", "Naruemon"),
    ("สุรชัย", "Surachai"),
    ("กาญจนา", "Kanchana"),
    ("สุภาพร", "Suphaphon"),  # a final ร is n
])
def test_thai_rtgs_by_rule(word, expected):
    from facilitator.romanise import _thai_rule_forms, _thai_key

    forms = _thai_rule_forms(_thai_key(word))
    assert forms and forms[0][0] == expected, forms


def test_thai_usual_changes_of_rtgs():
    from facilitator.romanise import _thai_rule_forms

    forms = [f for f, _ in _thai_rule_forms("สุภาพร")]
    has(forms, "Suphaphon", "Supaporn", "Suphaphorn")  # ph/p, -orn for a final ร
    has([f for f, _ in _thai_rule_forms("ปรีดา")], "Prida", "Preeda")  # ee for a long i
    has([f for f, _ in _thai_rule_forms("แก้ว")], "Kaew")  # w for a final ว
    has([f for f, _ in _thai_rule_forms("เฉลิม")], "Chalerm")  # er for oe
    has([f for f, _ in _thai_rule_forms("ใจ")], "Jai")  # j for จ
    has([f for f, _ in _thai_rule_forms("ธรรมนูญ")], "Thamnun", "Tamnoon")  # รร, t for th, oo


def test_thai_forms_are_clean():
    for name in THAI_BENCHMARK:
        forms = spellings(name)
        assert 0 < len(forms) <= 40
        assert name.casefold() not in folded(forms)
        for form in forms:
            assert form.isascii() and all(len(w) > 1 for w in form.split()), form
        lacks(forms, "Somsuk Bunma", "Kittati Misuk", "Intharasuwanna Rattana")


# --- 9. Ethiopic --------------------------------------------------------------------------------------------

ETHIOPIC_BENCHMARK = {
    "ዳዊት መኮንን": ("Dawit Mekonnen", "Dawit Mekonen"),
    "ትዕግስት ኃይሌ": ("Tigist Haile",),
    "ኪዳነ ወልደሚካኤል": ("Kidane Woldemichael", "Kidane Weldemikael"),
    "ዮናስ ግርማ": ("Yonas Girma", "Jonas Girma"),
    "ሳባ ተኽለ": ("Saba Tekle",),
    "ሰናይት ገብረማርያም": ("Senait Ghebremariam", "Senait Gebremariam"),
    "አልማዝ ታደሰ": ("Almaz Tadesse",),
    "በረከት ወልደማርያም": ("Bereket Woldemariam", "Bereket Weldemariam", "Bereket Woldemaryam"),
}


@pytest.mark.parametrize("name", list(ETHIOPIC_BENCHMARK))
def test_ethiopic_names_as_note_takers_type_them(name):
    forms = spellings(name)
    missing = [e for e in ETHIOPIC_BENCHMARK[name] if e.casefold() not in folded(forms)]
    assert not missing, f"missing {missing} in {forms}"
    assert all(family is None for _, family in spelling_pairs(name))  # given name, father's name


def test_ethiopic_abbreviations_and_titles():
    # ወ/ is Wolde written short; the forms spell it out (the note-taker's "W/Michael" is matched as a
    # word "W" and "Michael" by the gate, not here). Titles are left out.
    has(spellings("ኪዳነ ወ/ሚካኤል"), "Kidane Woldemichael", "Kidane Weldemikael")
    has(spellings("በረከት ወ/ማርያም"), "Bereket Woldemariam")
    has(spellings("ወ/ሮ አልማዝ ታደሰ"), "Almaz Tadesse")
    for form in spellings("ኪዳነ ወ/ሚካኤል") + spellings("ወ/ሮ አልማዝ ታደሰ"):
        assert "/" not in form and not form.startswith(("W ", "Weizero")), form


def test_ethiopic_compounds_and_well_known_names():
    has(spellings("ኃይለማርያም ደሳለኝ"), "Hailemariam Desalegn")
    has(spellings("ቴድሮስ አድሓኖም ገብረየሱስ"), "Tedros Adhanom Ghebreyesus")
    has(spellings("ኢሳያስ አፈወርቂ"), "Isaias Afwerki", "Isaias Afewerki")
    has(spellings("ዓብይ አሕመድ"), "Abiy Ahmed")
    has(surname_spellings("ገብረመድኅን"), "Gebremedhin", "Ghebremedhin")
    has(surname_spellings("ተስፋማርያም"), "Tesfamariam")


@pytest.mark.parametrize("word, expected", [
    ("ግርማ", "Girma"),  # the sixth order closing a syllable has no vowel
    ("ትግስት", "Tigist"),  # a word may end in two consonants before t
    ("ብርሃኑ", "Birhanu"),
    ("አስመሮም", "Asmerom"),
    ("መንግስቱ", "Mengistu"),
    ("ሰናይት", "Senait"),  # ይ after a vowel
    ("ጌታቸው", "Getachew"),
    ("ዘሪሁን", "Zerihun"),
    ("ለምለም", "Lemlem"),
    ("ተሾመ", "Teshome"),
])
def test_ethiopic_syllabary_by_rule(word, expected):
    from facilitator.romanise import _ethiopic_rule_forms

    forms = _ethiopic_rule_forms(word)
    assert forms and forms[0][0] == expected, forms


def test_ethiopic_usual_changes():
    from facilitator.romanise import _ethiopic_rule_forms

    has([f for f, _ in _ethiopic_rule_forms("መኮንን")], "Mekonnen", "Mekonen", "Makonnen")  # gemination, ä as a
    has([f for f, _ in _ethiopic_rule_forms("ደረሰ")], "Derese", "Darasa")
    has(spellings("ቀለመወርቅ"), "Kelemework", "Qelemework", "Kelemewerk")  # ቀ k/q, ወ we/wo
    has([f for f, _ in _ethiopic_rule_forms("ፀሐዬ")], "Tsehaye", "Sehaye")  # ጸ ts/s
    has([f for f, _ in _ethiopic_rule_forms("ማርያም")], "Maryam", "Mariam")


def test_ethiopic_forms_are_clean():
    for name in ETHIOPIC_BENCHMARK:
        forms = spellings(name)
        assert 0 < len(forms) <= 40
        assert name.casefold() not in folded(forms)
        for form in forms:
            assert form.isascii() and all(len(w) > 1 for w in form.split()), form
        lacks(forms, "Tigsit Haile", "Tighist Haile", "Senait Gebrehmariam", "Dawit Mekonnin Mekonnen")


def test_thai_and_ethiopic_are_fast_after_the_first_call():
    spellings("สมชาย ใจดี"), spellings("ዳዊት ግርማ")  # read the tables once
    givens = ("สมชาย", "สุภาพร", "กิตติพงษ์", "วิไล", "ธนากร", "ประยูร")
    families = ("ทองคำ", "ศรีสุข", "แสงอรุณ", "วงศ์ใหญ่", "พานิชกุล")
    names = [f"{g} {f}" for g in givens for f in families]
    names += [f"{g} {f}" for g in ("ሙሉጌታ", "ሰላም", "ሄኖክ", "ፍቅሩ") for f in ("አሰፋ", "ወልደጊዮርጊስ", "ገብረሕይወት")]
    start = time.perf_counter()
    for name in names:
        assert spellings(name), name
    per_name = (time.perf_counter() - start) / len(names)
    assert per_name < 0.005, f"{per_name * 1000:.1f} ms per name"


# --- the family name of each form --------------------------------------------------------------------------

@needs_kakasi
def test_pairs_name_the_family_name_of_reordered_forms():
    pairs = dict(spelling_pairs("박지훈"))
    assert pairs["Park Ji-hun"] == "Park" and pairs["Ji-hun Park"] == "Park" and pairs["Pak Chi-hun"] == "Pak"
    pairs = dict(spelling_pairs("王小明"))
    assert pairs["Wang Hsiao Ming"] == "Wang" and pairs["Xiaoming Wong"] == "Wong"
    assert dict(spelling_pairs("田中太郎", surname="田中"))["Taro Tanaka"] == "Tanaka"
    assert dict(spelling_pairs("Наталья Кузнецова"))["Natalia Kouznetsova"] is None  # the last word
    for name in SAMPLE:
        assert [form for form, _ in spelling_pairs(name)] == spellings(name)
        for form, family in spelling_pairs(name):
            assert family is None or family in form.split(), (form, family)


# --- properties ---------------------------------------------------------------------------------------------

SAMPLE = ["Наталья Кузнецова", "Олександр Шевчук", "Γιώργος Παπαδόπουλος", "محمد العلي", "فاطمة الخطيب",
          "李伟", "王芳", "田中 太郎", "김민수", "Al-Hashimi", "Karim Al-Mansouri", "Sergei Andreev", "McDonald",
          "Aisha Abdullahi", "Đorđe Petrović", "Ελένη Κωνσταντίνου", "Святлана Ціханоўская", "欧阳修", "남궁민",
          "이민호", "오세훈", "Наталья Ивановна Кузнецова", "عبد الرحمن بن خالد القدومي", "สมศักดิ์ บุญมา",
          "สมชาย วงศ์สวัสดิ์", "ዳዊት መኮንን", "ኪዳነ ወ/ሚካኤል"]


@pytest.mark.parametrize("name", SAMPLE)
def test_forms_are_clean(name):
    if name == "田中 太郎" and not HAS_KAKASI:
        pytest.skip("a kanji given name needs pykakasi")
    forms = spellings(name)
    assert 0 < len(forms) <= 40, forms
    folded = [f.casefold() for f in forms]
    assert len(set(folded)) == len(folded), "de-duplicated case-insensitively"
    assert name.casefold() not in folded
    for form in forms:
        assert form and form == form.strip() and "  " not in form, repr(form)
        assert len(form.replace(" ", "")) > 1 and all(len(w) > 1 for w in form.split()), form
    assert spellings(name) == forms, "stable order"
    forms.append("changed")
    assert "changed" not in spellings(name), "the cached result cannot be changed by a caller"


@pytest.mark.parametrize("name", ["नरेन्द्र मोदी", "ⶀⶁ", "", "   ", "123"])
def test_unknown_scripts_and_empty_names_give_nothing(name):
    assert spellings(name) == []
    assert surname_spellings(name) == []


def test_surname_spellings_never_return_the_surname():
    for surname in ("Кузнецова", "Παπαδοπούλου", "الهاشمي", "王", "김", "田中", "Al-Hashimi", "Qaddoumi", "บุญมา",
                    "መኮንን"):
        forms = surname_spellings(surname)
        assert forms and surname.casefold() not in [f.casefold() for f in forms], surname


def test_fast_after_the_first_call():
    spellings("王小明"), spellings("田中 太郎"), spellings("Наталья Кузнецова")  # load the libraries once
    names = [f"{given} {family}" for given in ("Наталья", "Ольга", "Γιώργος", "أحمد", "Karim", "Sergei")
             for family in ("Кузнецова", "Петрова", "Παπαδόπουλος", "الهاشمي", "Al-Mansouri", "Andreev")]
    names += ["王小明", "李伟", "张伟", "陈美玲", "김민수", "박근혜", "田中 太郎", "佐藤 花子", "鈴木 一郎"]
    start = time.perf_counter()
    for name in names:
        spellings(name)
    per_name = (time.perf_counter() - start) / len(names)
    assert per_name < 0.02, f"{per_name * 1000:.1f} ms per name"  # the target is 5 ms; CI machines vary


def test_importing_the_module_is_cheap():
    code = ("import sys, facilitator.romanise; "
            "print(sorted(m for m in ('pypinyin', 'pykakasi', 'textual', 'sqlmodel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_ukrainian_surname_in_chuk_reads_the_name_the_ukrainian_way_too():
    """-чук was meant to mark a Ukrainian name; the pattern looked for "чк" and missed it."""
    assert "Hanna Shevchuk" in spellings("Ганна Шевчук")
