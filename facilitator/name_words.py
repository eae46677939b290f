"""Word lists the name matcher reads (facilitator.names) to tell a name from an ordinary word.

Each list is small, written by hand, and says where it comes from. They are
data, not rules: the rules that use them are in `names.Matcher._accepts`.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: English words that are also surnames or given names (lower case). A protected name made only of such
#: words is flagged where it stands as a name (capitalised in mid-sentence, after a title or a given name,
#: possessive, or before a speech verb), not in ordinary prose ("the council may grant young people a
#: voice"). Compiled by hand from the common English surnames that are dictionary words (lists of the
#: most frequent surnames in the UK and US censuses) and common given names that are words.
COMMON_WORD_NAMES = frozenset("""
abbot able acre adams akin alder ash bacon badger bailey baker ball band banks barber bark barley barn baron
bass bates beach beam bean bear bell bench best bill bird bishop black blade blank bliss bloom blossom blue
bond bone booth boss bough bow bowl bowman boyle brand brass bread brewer brick bridge bright brook brooks
brown buck bull burn burns bush butcher butler cage cake call camp cane cannon cant cape card carpenter
carter carver case cash castle chance chase cherry child church clay clear cliff close cloud coal coat cobb
cole collar cook cooke cooper copper corn cotton court cousin cove cox crane cross crow crown cup curry dale
dance dare dash davis dawn day dean deal dear dew dock doe dole dove drake draper drew drum duck duke dunn
dyer earl early east eden edge english fair faith falcon farmer fay fell field fields finch fish fisher fitch
flint flood flower ford forest fort foster fowler fox frank free freeman french friend frost fry fuller gale
game gardener gates gay gay gem gill glass glen glover gold golden good goodman goose grace grain grant grass
gray green grey grove guard guest gunn hale hall ham hammer hand hardy hare harp hart hawk hay hazel head
heath hedge hill hind hock holland holly holmes home honey hood hook hope horn horne house howl hull hunt
hunter ivy jack jay jewel joy judge keen kemp key kidd kind king kirk knight lake lamb lance land lane lark
law lawn lay lead leaf lee light lily lime link little lock lodge long lord love low lowe luck lucky mann
march mark marks marsh mason match may mayer mead meadow meek mercer merry mill miller mills mint monk moon
moor moore morning moss mould nail nash neat needle new newman north nurse oak oakes page paine palmer park
parker parks parsons patience payne peace peacock pearl pearce peck penny pepper person pierce pike pine
piper pitt plant player plum poe pole pond pool pope porter post potter pound powell power powers pratt
price prince pride prior proud pryor quick rain ram ramsey rank ray read reed rice rich ridge ring rivers
robin rock rook root rose ross rowe ruby rush rust sage sale salmon salt sands savage say sayer scott
sergeant sexton shade shah sharp shaw shepherd sherman shield ship short silver sims singer skinner slate
small smart smith snow soul south spark sparks speed spear spencer spring squire stable stack stag stamp
star steel stern steward stock stone storm story strange straw street strong summer summers sun swan sweet
swift tailor tanner tate taylor temple thorn tide tiller todd tower town trail tree trim true tucker turner
vale vane vine wade wagner walker wall ward ware warden warren wash waters watt weaver webb well wells west
wheat white whitehead wild will wills win wind wing winter wise wolf wood woods wren wright yard young
said may hope joy faith grace summer autumn april june august dawn rose daisy iris violet ruby pearl amber
bill frank mark grant rich long field power strong little young
""".split())

#: Verbs a note-taker writes after a speaker's name ("Young argued"): a common-word surname before one of
#: them stands as a name.
SPEECH_VERBS = frozenset("""
said says argued argues noted notes stressed stresses emphasised emphasized emphasises emphasizes added adds
asked asks warned warns recalled recalls observed observes suggested suggests proposed proposes pointed
points explained explains replied replies responded responds agreed agrees disagreed disagrees insisted
insists acknowledged acknowledges cautioned cautions underlined underlines highlighted highlights urged
urges called calls welcomed welcomes described describes concluded concludes told tells wrote writes claimed
claims believes believed thinks thought questioned questions countered counters echoed echoes remarked
remarks commented comments mentioned mentions shared shares presented presents opened opens chaired chairs
moderated moderates spoke speaks contended contends maintained maintains offered offers raised raises
pushed pushes reminded reminds announced announces reported reports cited cites objected objects conceded
concedes admitted admits confirmed confirms proposed recommended recommends challenged challenges invited
invites thanked thanks introduced introduces summarised summarized summed stated states declared declares
""".split())

#: English words of one or two letters that stand before a speech verb in ordinary prose ("He said", "as
#: noted"): never a two-letter name there. (Not "Oh", "Go", "No": Korean surnames, and no English word
#: before "argued".)
SHORT_WORDS = frozenset("a i am an as at be by he if in is it me my of on or so to us we".split())

#: Words before a capitalised common word that make it an ordinary word or a month, not a name ("in May",
#: "the Power of ...").
NOT_BEFORE_A_NAME = frozenset("""
a an the this that these those our their its his her my your in by since until till from of early late mid
next last each every before after during throughout
""".split())

#: Acronyms in everyday use in the field: capital letters that are never a person's initials.
KNOWN_ACRONYMS = frozenset("""
ai au cso csos eu g7 g20 gdp hr icc icj ict ilo imf it ngo ngos oas oecd osce pr q sdg sdgs uk un undp
unep unesco unhcr unicef us usa who wto wfp nato asean ecowas igad sadc eac ohchr dpa dppa dpo ocha iom
ceo cfo coo vip tv id ok faq pdf pm am ad bc eg ie etc vs aob tor tors mou mous ppp un80 unga unsc ecosoc
hrc upr cedaw crc ldc ldcs sids lldc r2p poc wps yps dda ddr ssr cve pve mena lac sg dsg srsg asg usg
ngo ii iii iv vi vii viii ix xi xii xiii xiv xv xx xl xxl lx xc pm ad
""".split())

#: Generic words of organisations' names: never the distinctive part ("the Lindqvist Institute" names the
#: Lindqvist Institute for Peace Studies; "the Institute" names nobody). From the UIA's list of
#: organisation types and common words of NGO names.
ORGANISATION_WORDS = frozenset("""
institute institut instituto istituto institution network networks foundation fondation fundación fundacion
stiftung fund centre center centro zentrum council forum association associação asociación society societe
société organisation organization organisations organizations group groups programme program partnership
partnerships alliance initiative initiatives union agency office commission committee trust league
federation coalition movement project platform academy school college university universität université
bank ministry department international national global regional world europe european african asian
american arab united nations for of and the on in at to de du des la le les el del della di der die das
und et y peace studies study research policy policies development human rights security democracy dialogue
conflict prevention affairs foreign public social economic strategic action women youth children civil
new open free council's secretariat mission service services support solutions consulting consultancy
press media news trustees friends partners initiative's lab laboratory observatory watch
peacebuilding peacekeeping mediation humanitarian governance justice transitional sustainable environment
climate health education reconciliation resolution crisis crises transformation integration cooperation
collaboration solidarity relief aid law legal rule studies analysis training learning innovation change
future futures community communities local citizens citizen people peoples voices voice leaders leadership
reform freedom liberty equality equity gender nonviolence violence armed disarmament arms control
conflicts wars war tolerance unity institute's foundation's
""".split())

#: Institutions that identify nobody: an official of one of them is one of thousands. Never protected,
#: whatever the register says (folded, without a trailing acronym in brackets).
PUBLIC_INSTITUTIONS = frozenset("""
united nations
un
european union
eu
african union
au
world bank
world bank group
international monetary fund
imf
organization of american states
organisation of american states
league of arab states
arab league
association of southeast asian nations
asean
united nations secretariat
un secretariat
government
""".strip().split("\n"))

#: Regions and peoples, and adjectives of countries that are not the country's name with an ending:
#: never the distinctive part of an organisation's name ("Balkan Peace Forum", "French Red Cross").
#: Country names themselves come from ISO 3166 (pycountry) in `is_place`.
PLACE_WORDS = frozenset("""
africa african americas america american arab arabian arctic asia asian atlantic baltic balkan balkans
caribbean caucasus central east eastern europe european eurasian gulf horn iberian latin levant maghreb
mediterranean middle nordic north northern oceania pacific sahel sahelian scandinavian south southern
southeast west western french dutch swiss welsh british english irish scottish filipino thai lao greek
cypriot danish finnish norwegian swedish polish czech slovak turkish kurdish yemeni iraqi omani
emirati saudi afghan pakistani bangladeshi island islands basin lake lakes river rivers sea seas ocean
oceans maritime coast coastal mountain mountains valley delta desert highlands lowlands horn peninsula
""".split())


_DEMONYM_ENDINGS = ("", "n", "an", "ian", "ese", "i", "ish", "ic", "ean", "ine", "er", "ers", "ns", "ans", "ians")


@lru_cache(maxsize=1 << 14)
def is_place(word: str) -> bool:
    """A folded word that is a region, a country's one-word name, or that name with a people's ending
    ("kenya", "kenyan", "ghanaian", "chinese"): never the distinctive part of an organisation's name,
    nor a slip in a person's ("Sudan" is no other spelling of "Zaidan", but "Macaluay" is one of
    "MacAulay")."""
    if word in PLACE_WORDS:
        return True
    return any(word[:len(stem)] == stem and word[len(stem):] in _DEMONYM_ENDINGS
               for stem in {word[:k] for k in range(4, len(word) + 1)} & _country_words())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every ISO 3166 name of every country, folded (pycountry, shipped in the package): the short, the
    common and the official name, each also without a trailing bracket ("holy see" of "Holy See (Vatican
    City State)") and in its usual order ("republic of korea" of "Korea, Republic of")."""
    import pycountry

    from .text import fold

    names = {fold(n) for c in pycountry.countries
             for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")) if n}
    names |= {re.sub(r"\s*\([^()]*\)$", "", n) for n in names}
    names |= {f"{b.strip()} {a.strip()}" for n in names if n.count(",") == 1 for a, b in [n.split(",")]}
    return frozenset(names)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """The words of the countries' names, without the generic ones, and each without its last letter
    ("chin" of "china", for "chinese")."""
    words = {w for name in country_names() for w in re.split(r"[\s,()]+", name) if w}
    words = {w for w in words if len(w) >= 4 and w not in ORGANISATION_WORDS and w not in _GENERIC_NAME_WORDS}
    return frozenset(words | {w[:-1] for w in words if len(w) > 4})


_GENERIC_NAME_WORDS = {"republic", "islands", "island", "state", "states", "kingdom", "federal", "saint",
                       "democratic", "people's", "peoples", "plurinational", "bolivarian", "federated", "socialist",
                       "territory", "territories", "outlying", "minor", "sovereign", "grand", "principality",
                       "duchy", "commonwealth", "province", "special", "administrative", "region", "great", "holy",
                       "city", "vatican", "lands", "part", "dutch"}


#: Traditional Chinese characters of common family and given names, with their simplified forms: a name
#: registered in one is typed in the other (陳靜 for 陈静, Hong Kong and Taiwan against the mainland).
#: Characters whose simplification merges two traditional ones are kept out where that would make a
#: name of an ordinary word. From the Table of General Standard Chinese Characters (2013), name
#: characters only, written by hand.
TRADITIONAL_TO_SIMPLIFIED = {pair[0]: pair[1] for pair in (
    "陳陈 劉刘 張张 黃黄 楊杨 趙赵 吳吴 孫孙 馬马 羅罗 鄭郑 謝谢 許许 鄧邓 馮冯 韓韩 葉叶 蘇苏 盧卢 蔣蒋 賈贾 鄒邹 閻阎 錢钱 湯汤 陸陆 "
    "嚴严 龔龚 萬万 顧顾 範范 鍾钟 鐘钟 譚谭 賴赖 喬乔 龐庞 聶聂 項项 婁娄 龍龙 魯鲁 蕭萧 紀纪 鄺邝 歐欧 陽阳 溫温 鄔邬 齊齐 華华 "
    "靜静 麗丽 國国 偉伟 強强 軍军 傑杰 濤涛 艷艳 豔艳 鵬鹏 鳳凤 紅红 蘭兰 東东 寧宁 廣广 慶庆 飛飞 輝辉 軒轩 雲云 義义 順顺 穎颖 "
    "瑩莹 賢贤 達达 歡欢 寶宝 貴贵 進进 銀银 鐵铁 鋒锋 錦锦 聰聪 曉晓 譽誉 潔洁 穩稳 榮荣 興兴 濱滨 鴻鸿 瓊琼 鳴鸣 騰腾 嬌娇 煥焕 "
    "燦灿 韻韵 綺绮 維维 紹绍 勝胜 運运 門门 開开 長长 書书 學学 懷怀 憶忆 愛爱 歸归 麥麦 莊庄 鄉乡 響响 劍剑 權权 靈灵 夢梦 潤润 "
    "滿满 澤泽 濟济 漢汉 衛卫 雙双 鶴鹤 齡龄 鳥鸟 貞贞 鈞钧 鏡镜 顏颜 韋韦 樂乐 晉晋 瑋玮 禮礼 豐丰").split()}
