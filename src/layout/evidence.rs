//! Evidence from a column's values: what its cells look like — status words, percentages,
//! deadlines, dates, long sentences, names, offices, units, numbers — and how strongly that
//! says which field it holds. [`super::assign`] adds it to the header's evidence
//! ([`crate::value::header::header_evidence`]).

use crate::layout::cells::{Parsed, read_deadline};
use crate::source::grid::{CellValue, MergeIndex, Sheet};
use crate::value::deadline::Deadline;
use crate::value::header::Field;
use crate::value::status::StatusVocabulary;
use crate::value::text::squash;
use std::collections::HashMap;

/// How many cells of a column are looked at.
pub(crate) const SAMPLE_ROWS: usize = 40;

/// What a column's cells look like: the share of its non-empty cells of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Features {
    /// Non-empty cells looked at.
    pub(crate) n: usize,
    /// Share of the rows looked at whose cell is not empty (a merged cell fills its rows).
    pub(crate) filled: f64,
    /// Cells the status vocabulary reads (percentages included), at most 12 characters.
    pub(crate) short_status: f64,
    /// Cells the status vocabulary reads, any length.
    pub(crate) status: f64,
    /// Percentages: percentage cells, `80%`, or numbers from 0 to 1.
    pub(crate) progress: f64,
    /// Cells the deadline grammar reads (dates, `2023年6月底前`, `长期坚持` …).
    pub(crate) deadline: f64,
    /// Cells that are a day: date cells or dates written out.
    pub(crate) dates: f64,
    /// Text of at least 15 characters.
    pub(crate) long: f64,
    /// Text of at least 4 characters that is none of the kinds below.
    pub(crate) text: f64,
    /// Names of people: 2 to 4 Chinese characters.
    pub(crate) names: f64,
    /// Names of offices: `…办`, `…科`, `…部`, `…局` ….
    pub(crate) offices: f64,
    /// Names of units: `…社区`, `…村`, `…镇`, `…公司` ….
    pub(crate) units: f64,
    /// Numbers that count: 1, 2, 3 or `(一)`.
    pub(crate) seq: f64,
    /// Distinct values over cells.
    pub(crate) distinct: f64,
    /// Measure IDs ([`crate::value::id::MeasureId`]).
    pub(crate) ids: f64,
    /// Organisations written as paths of a hierarchy: `段>车间>班组`.
    pub(crate) paths: f64,
    /// Labelled cells naming the responsible organisation: `责任部门:办公室;配合部门:财务科`.
    pub(crate) labelled: f64,
    /// Names of organisations, units or offices ([`organisation_name`]).
    pub(crate) orgs: f64,
    /// How many different organisations the cells name.
    pub(crate) org_names: usize,
    /// Numbers: number cells, or texts of digits only (`12`, `3.5`).
    pub(crate) numbers: f64,
}

/// The separators of a hierarchy path.
pub(crate) const PATH_SEPARATORS: [char; 5] = ['>', '＞', '→', '》', '/'];

/// The parts of a hierarchy path (`襄阳机务段>检修车间>电机班组`), when the text is one: two
/// parts at least, each a name of two to twenty characters with no digit-only part (a date
/// such as `2023/6/30` is not a path); or a township and its village written as one name
/// (`城关镇东关村`).
pub(crate) fn path_parts(text: &str) -> Option<Vec<String>> {
    if text.len() > 200 {
        return None;
    }
    let s = squash(text);
    if !s.contains(PATH_SEPARATORS) {
        return admin_parts(&s);
    }
    let parts: Vec<String> = s
        .split(PATH_SEPARATORS)
        .map(|p| p.trim().to_string())
        .collect();
    // A path of organisations names one at some level (`机务段`, `检修车间`); a path of
    // categories (`城乡建设>老旧小区改造`) names none.
    let ok = parts.len() >= 2
        && parts.iter().all(|p| {
            let n = p.chars().count();
            (2..=20).contains(&n) && p.chars().filter(|c| is_han(*c)).count() >= 2
        })
        && parts.iter().any(|p| organisation_name(p));
    ok.then_some(parts)
}

/// A township and a village (or a street and a community) written as one name, the levels of a
/// path: `城关镇东关村` → `城关镇`, `东关村`; `自强街道重庆路北社区` → `自强街道`, `重庆路北社区`.
fn admin_parts(s: &str) -> Option<Vec<String>> {
    if s.chars().count() > 20 || !(s.ends_with('村') || s.ends_with("社区")) {
        return None;
    }
    for upper in ["街道", "镇", "乡"] {
        let Some(i) = s.find(upper) else { continue };
        let (head, tail) = s.split_at(i + upper.len());
        let lower_chars = tail.chars().count();
        let min = if tail.ends_with("社区") { 4 } else { 3 };
        if head.chars().count() >= upper.chars().count() + 2
            && lower_chars >= min
            && head.chars().all(is_han)
            && tail.chars().all(is_han)
        {
            return Some(vec![head.to_string(), tail.to_string()]);
        }
    }
    None
}

/// Labels that name the organisation responsible in a labelled cell.
const RESPONSIBLE_LABELS: [&str; 8] = [
    "责任部门",
    "责任单位",
    "责任科室",
    "牵头部门",
    "牵头单位",
    "主办部门",
    "主办单位",
    "承办单位",
];

/// What ends one organisation's name in a cell that names several: a list's separators and
/// the words that begin the helpers' part (`配合单位：…`).
const NAME_ENDS: [char; 9] = [';', ',', '、', ' ', '\n', '。', '(', '/', '|'];

/// The name at the start of `rest`, up to a separator or the helpers' part.
fn first_name(rest: &str) -> &str {
    let mut end = rest.find(NAME_ENDS).unwrap_or(rest.len());
    for w in ["配合", "协办", "协助"] {
        if let Some(i) = rest[..end].find(w) {
            end = end.min(i);
        }
    }
    &rest[..end]
}

/// A cell's text with its lines as parts of a list, squashed to half width.
fn as_list(text: &str) -> String {
    squash(&text.replace(['\n', '\r'], ";"))
}

/// The organisation a labelled cell names as responsible: `责任部门:办公室;配合部门:财务科` →
/// `办公室`; `牵头单位：县住建局\n配合单位：县财政局` → `县住建局`; the lead written before 牵头
/// (`县发改局牵头，县财政局配合`, `县卫健局（牵头）、县医保局`) → `县发改局`, `县卫健局`.
pub(crate) fn labelled_organisation(text: &str) -> Option<String> {
    if text.len() > 200 {
        return None;
    }
    let s = as_list(text);
    if let Some(at) = RESPONSIBLE_LABELS
        .iter()
        .filter_map(|l| s.find(l).map(|i| (i, l.len())))
        .min()
        && let Some(rest) = s[at.0 + at.1..].strip_prefix([':', '：'])
    {
        let name = first_name(rest);
        if (2..=20).contains(&name.chars().count()) {
            return Some(name.to_string());
        }
    }
    // The lead unit, written before 牵头: `县发改局牵头，…`, `县卫健局（牵头）、…`.
    let i = s.find("牵头").filter(|i| *i > 0)?;
    let before = s[..i].trim_end_matches(['(', '（']);
    let lead = before
        .rsplit(|c| NAME_ENDS.contains(&c) || matches!(c, ':' | '：'))
        .next()
        .unwrap_or(before);
    ((2..=20).contains(&lead.chars().count()) && organisation_name(lead)).then(|| lead.to_string())
}

/// The unit that leads in a cell naming several organisations: the labelled or marked lead
/// ([`labelled_organisation`]), else the first of a list of organisations
/// (`县农业农村局\n各乡镇`, `县交通运输局、县公安局`) — the first named leads, as 督办 lists
/// write it. `None` for a cell naming one.
pub(crate) fn lead_organisation(text: &str) -> Option<String> {
    if let Some(lead) = labelled_organisation(text) {
        return Some(lead);
    }
    if text.len() > 200 {
        return None;
    }
    let s = as_list(text);
    let parts: Vec<&str> = s.split(NAME_ENDS).filter(|p| !p.is_empty()).collect();
    (parts.len() >= 2 && parts.iter().all(|p| organisation_name(p))).then(|| parts[0].to_string())
}

const OFFICE_ENDS: [&str; 20] = [
    "办公室",
    "委员会",
    "服务中心",
    "党支部",
    "党委",
    "政府",
    "中心",
    "办",
    "科",
    "部",
    "处",
    "室",
    "股",
    "站",
    "所",
    "队",
    "局",
    "委",
    "组",
    "院",
];

const UNIT_ENDS: [&str; 87] = [
    "社区",
    "村",
    "镇",
    "乡",
    "街道",
    "分公司",
    "公司",
    "厂",
    "集团",
    "中心",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "大学",
    "学院",
    "医院",
    "卫生院",
    "卫生室",
    "诊所",
    "企业",
    "小区",
    "超市",
    "商场",
    "酒店",
    "宾馆",
    "合作社",
    "支行",
    // Shops and eateries a market inspector visits: `老街坊烧烤店`, `晨曦烘焙坊`, `兰州拉面馆`.
    "店",
    "坊",
    "馆",
    "餐厅",
    "饭庄",
    "酒楼",
    "食堂",
    "药房",
    "商行",
    "门市部",
    "经营部",
    // Grain depots: `城东国家粮食储备库`, `红旗粮库`.
    "库",
    // Farms, forest farms and markets: `青山林场`, `红星农场`, `华联购物广场`.
    "场",
    // Scenic areas and parks a tourism office inspects: `古城景区`, `龙湖湿地公园`.
    "景区",
    "公园",
    "度假区",
    // Places of entertainment a culture-market inspector visits: `星际网咖`, `金嗓子KTV`.
    "网咖",
    "网吧",
    "会所",
    "歌厅",
    "KTV",
    "影城",
    "影院",
    // Homes for the elderly: `城关镇敬老院`, `县社会福利院`.
    "敬老院",
    "福利院",
    "养老院",
    // Social organisations a civil-affairs office inspects: `XX市餐饮行业协会`, `XX市温州商会`.
    "协会",
    "商会",
    "学会",
    "研究会",
    "促进会",
    "联合会",
    "基金会",
    "社会组织",
    // Cemeteries: `福寿园经营性公墓`.
    "公墓",
    // Sales points and bank outlets: `老街王记烟花爆竹零售点`, `城南营业网点`.
    "零售点",
    "销售点",
    "经营点",
    "网点",
    // Stations of business a police or transport office inspects: `县汽车客运站`, `城北加油站`.
    "客运站",
    "汽车站",
    "加油站",
    // Prisons and places of detention: `青山监狱`, `县看守所`.
    "监狱",
    "看守所",
    "拘留所",
    "戒毒所",
    // Places of worship a religious-affairs office inspects: `慈云寺`, `玉虚观`, `城关基督教堂`.
    "寺",
    "观",
    "教堂",
    "天主堂",
    "清真寺",
    "庙",
    // Zones a county governs like a township: `永宁经济开发区`, `城西工业园区`, `高新区管委会`.
    "开发区",
    "高新区",
    "园区",
    "工业园",
    "产业园",
    "示范区",
    "管委会",
];

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

fn ends_with_any(s: &str, ends: &[&str]) -> bool {
    ends.iter()
        .any(|e| s.ends_with(e) && s.chars().count() > e.chars().count())
}

/// True for a text that names an organisation: a unit (`胜利街道`, `华东化工有限公司`) or an
/// office (`区城管局`, `安环部`, `财务科`), at most 16 characters.
pub(crate) fn organisation_name(text: &str) -> bool {
    let s = squash(text);
    s.chars().count() <= 16
        && (ends_with_any(&s, &UNIT_ENDS)
            || ends_with_any(&s, &OFFICE_ENDS)
            || ends_with_any(
                &s,
                &[
                    "局", "委", "部", "科", "处", "所", "站", "队", "段", "车间", "班组", "班",
                    "矿",
                ],
            ))
}

/// The organisation a party body of it stands for: `中共XX县交通运输局党组` is the bureau's,
/// `中共城关镇委员会` the township's. None for any other name (`县财政局机关第一党支部` is a unit of
/// its own).
pub(crate) fn organisation_of_party_body(name: &str) -> Option<String> {
    let s = squash(name);
    let rest = s.strip_prefix("中共")?;
    let inner = rest
        .strip_suffix("党组")
        .or_else(|| rest.strip_suffix("党组织"))
        .filter(|o| organisation_name(o))
        .or_else(|| {
            rest.strip_suffix("委员会").filter(|o| {
                ["镇", "乡", "街道", "村", "社区"]
                    .iter()
                    .any(|w| o.ends_with(w))
            })
        })?;
    (inner.chars().count() >= 3).then(|| inner.to_string())
}

/// True for a name ending in a unit's word (`…社区`, `…公司`, `…敬老院`), at most 16 characters:
/// an organisation of the level of a unit, not an office inside one.
pub(crate) fn is_unit_name(text: &str) -> bool {
    let s = squash(text);
    s.chars().count() <= 16 && ends_with_any(&s, &UNIT_ENDS)
}

/// The longest beginning of a text that names an organisation (`机械工程学院` of
/// `机械工程学院审计报告文号`), leaving something after it — but a name does not say its kind
/// twice: of `XX县人民医院二级甲等医院复审…` it is `XX县人民医院`, the first beginning that ends
/// with the same word as the longest.
pub(crate) fn organisation_prefix(text: &str) -> Option<String> {
    let s = squash(text);
    // An organisation followed by the Party committee of a level above it is no name: the
    // committee inspects it (`安平投资集团有限公司市委巡视…` is the company's).
    let inspected_by = |end: usize| {
        ["省委", "市委", "县委", "区委"]
            .iter()
            .any(|w| s[..end].strip_suffix(w).is_some_and(organisation_name))
    };
    let ends: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .filter(|i| organisation_name(&s[..*i]) && !inspected_by(*i))
        .collect();
    let longest = *ends.last()?;
    let kind = |end: usize| {
        UNIT_ENDS
            .iter()
            .chain(OFFICE_ENDS.iter())
            .filter(|w| s[..end].ends_with(*w))
            .max_by_key(|w| w.len())
            .copied()
    };
    // Only a kind of two characters or more (`医院`, not `局`: `国家税务总局杭州市西湖区税务局`
    // is a branch under its parent) and a tail naming no place or branch.
    let first = ends
        .iter()
        .copied()
        .find(|e| {
            kind(*e).is_some_and(|k| k.chars().count() >= 2)
                && kind(*e) == kind(longest)
                && !["省", "市", "县", "区", "镇", "乡", "街道", "村", "分"]
                    .iter()
                    .any(|w| s[*e..longest].contains(w))
        })
        .unwrap_or(longest);
    Some(s[..first].to_string())
}

/// What one cell looks like.
#[derive(Debug, Clone, Copy, Default)]
struct Kind {
    status: bool,
    short_status: bool,
    progress: bool,
    deadline: bool,
    date: bool,
    seq: bool,
    long: bool,
    units: bool,
    offices: bool,
    names: bool,
    text: bool,
    id: bool,
    path: bool,
    labelled: bool,
    org: bool,
    number: bool,
}

fn kind_of(v: &CellValue, statuses: &StatusVocabulary, as_of: chrono::NaiveDate) -> Kind {
    let mut k = Kind::default();
    match v {
        CellValue::Percent(_) => {
            k.status = true;
            k.short_status = true;
            k.progress = true;
            return k;
        }
        CellValue::Number(n) => {
            k.progress = (0.0..=1.0).contains(n);
            k.seq = n.fract() == 0.0 && (1.0..1000.0).contains(n);
            k.number = true;
            return k;
        }
        CellValue::Date(_) => {
            k.deadline = true;
            k.date = true;
            return k;
        }
        CellValue::Text(_) => {}
        _ => return k,
    }
    let CellValue::Text(t) = v else {
        return k;
    };
    // A text of digits with at most one point (`12`, `3.5`) is a number.
    let digits = t.trim();
    k.number = digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    // A measure ID as taizhang writes it (`3XBR-FB85-E4FP`), or at least with a letter: twelve
    // digits alone are a licence's or a code's number (`340901100001`).
    if crate::value::id::MeasureId::parse(t).is_some()
        && t.chars().any(|c| c == '-' || c.is_ascii_alphabetic())
    {
        k.id = true;
        return k;
    }
    let squashed = squash(t);
    let chars = squashed.chars().count();
    if labelled_organisation(t).is_some() {
        k.labelled = true;
        return k;
    }
    if path_parts(t).is_some() && !matches!(read_deadline(v, as_of), Parsed::Ok(_)) {
        k.path = true;
        return k;
    }
    k.status = statuses.parse(t).is_some();
    k.short_status = k.status && chars <= 12;
    k.progress = squashed.ends_with('%') && squashed.trim_end_matches('%').parse::<f64>().is_ok();
    if let Parsed::Ok(p) = read_deadline(v, as_of) {
        k.deadline = true;
        k.date = matches!(p.deadline, Deadline::Date(_)) && !p.year_inferred;
    }
    if crate::value::text::seq_number(&squashed).is_some() && chars <= 6 {
        k.seq = true;
        return k;
    }
    k.long = chars >= 15;
    k.units = ends_with_any(&squashed, &UNIT_ENDS) && chars <= 16;
    k.org = organisation_name(t);
    if ends_with_any(&squashed, &OFFICE_ENDS) && chars <= 16 {
        k.offices = true;
    } else if squashed.chars().all(is_han) && (2..=4).contains(&chars) && !k.status && !k.units {
        k.names = true;
    } else if chars >= 4 && !k.status && !k.deadline {
        k.text = true;
    }
    k
}

/// The features of a column from the cells of some rows. Each distinct text is looked at once.
pub(crate) fn features(
    sheet: &Sheet,
    merges: &MergeIndex,
    col: u32,
    rows: &[u32],
    statuses: &StatusVocabulary,
    as_of_year: i32,
) -> Features {
    let mut f = Features::default();
    let mut seen: HashMap<&str, Kind> = HashMap::new();
    let mut orgs: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut others = 0usize;
    let as_of = chrono::NaiveDate::from_ymd_opt(as_of_year, 1, 1).unwrap_or_default();
    let mut filled = 0usize;
    for r in rows {
        let Some(v) = sheet.value(*r, col).filter(|v| !v.is_blank()) else {
            // A merged cell fills the rows below it; its value is counted once.
            if merges.at(*r, col).is_some_and(|m| m.first.row != *r) {
                filled += 1;
            }
            continue;
        };
        filled += 1;
        f.n += 1;
        let k = match v {
            CellValue::Text(t) => match seen.get(t.as_str()) {
                Some(k) => *k,
                None => {
                    let k = kind_of(v, statuses, as_of);
                    seen.insert(t.as_str(), k);
                    k
                }
            },
            other => {
                others += 1;
                kind_of(other, statuses, as_of)
            }
        };
        for (x, on) in [
            (&mut f.status, k.status),
            (&mut f.short_status, k.short_status),
            (&mut f.progress, k.progress),
            (&mut f.deadline, k.deadline),
            (&mut f.dates, k.date),
            (&mut f.seq, k.seq),
            (&mut f.long, k.long),
            (&mut f.units, k.units),
            (&mut f.offices, k.offices),
            (&mut f.names, k.names),
            (&mut f.text, k.text),
            (&mut f.ids, k.id),
            (&mut f.paths, k.path),
            (&mut f.labelled, k.labelled),
            (&mut f.orgs, k.org),
            (&mut f.numbers, k.number),
        ] {
            if on {
                *x += 1.0;
            }
        }
        if let (true, CellValue::Text(t)) = (k.org, v) {
            orgs.insert(t.as_str());
        }
    }
    if f.n > 0 {
        let n = f.n as f64;
        for x in [
            &mut f.short_status,
            &mut f.status,
            &mut f.progress,
            &mut f.deadline,
            &mut f.dates,
            &mut f.long,
            &mut f.text,
            &mut f.names,
            &mut f.offices,
            &mut f.units,
            &mut f.seq,
            &mut f.ids,
            &mut f.paths,
            &mut f.labelled,
            &mut f.orgs,
            &mut f.numbers,
        ] {
            *x /= n;
        }
        f.org_names = orgs.len();
        // Numbers and dates count as distinct values each.
        f.distinct = (seen.len() + others) as f64 / n;
    }
    if !rows.is_empty() {
        f.filled = filled as f64 / rows.len() as f64;
    }
    f
}

/// How strongly a column's values say it holds a field: from −0.3 (long sentences are not a
/// status) to 0.6 (a column of status words is a status).
///
/// ```text
/// status        status words, yes/no, percentages           up to 0.6
/// deadline      dates and deadline phrases                  up to 0.45
/// completed_on  dates                                       up to 0.35
/// unit          names of units, repeated                    up to 0.45
/// department    names of offices                            up to 0.35
/// problem, measure   sentences; numbers against             up to 0.3, −0.6
/// person        names of people                             up to 0.3
/// leader        names of people                             up to 0.2
/// id            measure IDs                                 up to 0.6
/// seq           counting numbers                            0.3
/// category      short texts that repeat                     0.15
/// ```
pub(crate) fn value_evidence(field: Field, f: &Features) -> f64 {
    if f.n == 0 {
        return 0.0;
    }
    // The fields every row fills say less when a column is mostly empty.
    let sparse = match field {
        Field::CompletedOn | Field::Note | Field::Category | Field::Seq => 1.0,
        _ => (f.filled * 2.0).min(1.0),
    };
    value_of_kind(field, f)
        * if value_of_kind(field, f) > 0.0 {
            sparse
        } else {
            1.0
        }
}

fn value_of_kind(field: Field, f: &Features) -> f64 {
    let over = |x: f64, floor: f64, weight: f64| if x >= floor { weight * x } else { 0.0 };
    match field {
        Field::Status => {
            let s = f.short_status.max(f.progress).max(f.status * 0.5);
            if s >= 0.6 {
                0.6 * s
            } else if f.long >= 0.5 || (f.text >= 0.5 && f.distinct >= 0.8) {
                // Sentences, or texts that differ row by row: a narrative of progress.
                -0.3
            } else {
                0.0
            }
        }
        Field::Deadline => over(f.deadline, 0.6, 0.45),
        Field::CompletedOn => over(f.dates, 0.6, 0.35),
        // Organisations written as paths or labelled cells are the rows' units, whatever the
        // header (`责任部门` over `段>车间>班组`): not an office of the ledger's own unit.
        Field::Unit if f.paths.max(f.labelled) >= 0.6 => 0.9,
        Field::Department if f.paths.max(f.labelled) >= 0.6 => -0.6,
        Field::Unit => {
            let repeats = if f.distinct <= 0.5 { 0.1 } else { 0.0 };
            if f.units >= 0.6 {
                0.35 * f.units + repeats
            } else {
                0.0
            }
        }
        Field::Department => over(f.offices, 0.6, 0.35),
        // A column of numbers counts (`反馈问题（个）` of a table of counts): no problem.
        Field::Problem | Field::Measure if f.numbers >= 0.8 => -0.6,
        Field::Problem | Field::Measure => {
            let t = f.text + f.long * 0.2;
            over(t.min(1.0), 0.6, 0.3)
        }
        Field::Person => over(f.names, 0.6, 0.3),
        Field::Leader => over(f.names, 0.6, 0.2),
        Field::Seq => over(f.seq, 0.8, 0.3),
        Field::Category => {
            if f.text >= 0.6 && f.long < 0.3 && f.distinct <= 0.6 {
                0.15
            } else {
                0.0
            }
        }
        Field::Note => 0.0,
        Field::Id => over(f.ids, 0.8, 0.6),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_does_not_say_its_kind_twice() {
        assert_eq!(
            super::organisation_prefix("XX县人民医院二级甲等医院复审反馈问题整改台账").as_deref(),
            Some("XX县人民医院")
        );
        assert_eq!(
            super::organisation_prefix("县农业农村局2024年度预算执行审计整改台账").as_deref(),
            Some("县农业农村局")
        );
        assert_eq!(
            super::organisation_prefix("机械工程学院审计报告文号").as_deref(),
            Some("机械工程学院")
        );
        // The Party committee above that inspects it is no part of its name.
        assert_eq!(
            super::organisation_prefix("安平投资集团有限公司市委巡视反馈意见整改三张清单")
                .as_deref(),
            Some("安平投资集团有限公司")
        );
        // A branch under its parent keeps its whole name.
        assert_eq!(
            super::organisation_prefix("国家税务总局杭州市西湖区税务局2025年巡察整改台账")
                .as_deref(),
            Some("国家税务总局杭州市西湖区税务局")
        );
    }

    #[test]
    fn a_township_and_its_village_are_two_levels() {
        assert_eq!(
            super::path_parts("城关镇东关村"),
            Some(vec!["城关镇".to_string(), "东关村".to_string()])
        );
        assert_eq!(
            super::path_parts("自强街道重庆路北社区"),
            Some(vec!["自强街道".to_string(), "重庆路北社区".to_string()])
        );
        assert_eq!(super::path_parts("东关村"), None);
        assert_eq!(super::path_parts("镇东村"), None);
        assert_eq!(super::path_parts("城关镇农贸市场"), None);
    }

    #[test]
    fn a_party_body_stands_for_its_organisation() {
        assert_eq!(
            organisation_of_party_body("中共XX县交通运输局党组").as_deref(),
            Some("XX县交通运输局")
        );
        assert_eq!(
            organisation_of_party_body("中共城关镇委员会").as_deref(),
            Some("城关镇")
        );
        // A branch is a unit of its own; a committee of no place, a name without `中共`, too.
        assert_eq!(organisation_of_party_body("县财政局机关第一党支部"), None);
        assert_eq!(organisation_of_party_body("中共XX县纪律检查委员会"), None);
        assert_eq!(organisation_of_party_body("XX县交通运输局党组"), None);
        // Social organisations and cemeteries are units.
        for t in [
            "XX市餐饮行业协会",
            "XX市温州商会",
            "XX县城关镇公益性公墓",
            "县汽车客运站",
        ] {
            assert!(is_unit_name(t), "{t}");
        }
    }

    #[test]
    fn organisation_names() {
        for t in [
            "区城管局",
            "胜利街道",
            "安环部",
            "华东精细化工有限公司",
            "财务科",
            "二车间",
        ] {
            assert!(super::organisation_name(t), "{t}");
        }
        for t in [
            "投诉",
            "咨询",
            "市民反映某小区第3号楼问题请求处理",
            "张三",
            "已办结",
        ] {
            assert!(!super::organisation_name(t), "{t}");
        }
    }

    use super::*;
    use crate::source::grid::CellValue;

    fn column(values: &[&str]) -> (Sheet, Vec<u32>) {
        let cells = values
            .iter()
            .enumerate()
            .map(|(r, v)| (r as u32, 0, CellValue::Text(v.to_string())))
            .collect();
        let rows = (0..values.len() as u32).collect();
        (Sheet::from_cells("s", cells), rows)
    }

    fn score(values: &[&str], field: Field) -> f64 {
        let (s, rows) = column(values);
        let f = features(
            &s,
            &s.merge_index(),
            0,
            &rows,
            &StatusVocabulary::default(),
            2023,
        );
        value_evidence(field, &f)
    }

    #[test]
    fn a_mostly_empty_column_says_little() {
        let mut values = vec![""; 9];
        values.push("逾期完成");
        let (s, rows) = column(&values);
        let f = features(
            &s,
            &s.merge_index(),
            0,
            &rows,
            &StatusVocabulary::default(),
            2023,
        );
        assert!(value_evidence(Field::Status, &f) < 0.2);
    }

    #[test]
    fn status_words_and_yes_no_are_a_status() {
        assert!(
            score(
                &["已办结", "办理中", "未办结", "已办结待销号"],
                Field::Status
            ) > 0.5
        );
        assert!(score(&["是", "否", "是", "是"], Field::Status) > 0.5);
        assert!(score(&["80%", "100%", "0%"], Field::Status) > 0.5);
    }

    #[test]
    fn narratives_are_not_a_status() {
        let s = score(
            &[
                "已完成管网排查,雨污分流改造工程正在施工",
                "历史废料已清运约70%,堆场正在选址",
                "正在推进设施建设,已完成招标",
            ],
            Field::Status,
        );
        assert!(s <= 0.0, "{s}");
    }

    #[test]
    fn dates_and_deadlines() {
        let d = ["2023年6月30日", "2023年12月底前", "长期坚持", "2023-05-31"];
        assert!(score(&d, Field::Deadline) > 0.4);
        assert!(score(&d, Field::CompletedOn) > 0.0);
        assert_eq!(score(&["长期坚持", "立行立改"], Field::CompletedOn), 0.0);
    }

    #[test]
    fn names_offices_and_units() {
        assert!(score(&["张伟", "李娜", "王强"], Field::Person) > 0.25);
        assert!(score(&["财务部", "法务部", "资产部"], Field::Department) > 0.3);
        let units = ["和平社区", "和平社区", "建设社区", "和平社区"];
        assert!(score(&units, Field::Unit) > 0.4);
        assert_eq!(score(&units, Field::Person), 0.0);
        // Schools, clinics and shops inspected are units.
        for name in [
            "平川县城关第一小学",
            "县实验幼儿园",
            "城关镇中心卫生院",
            "惠民大药房连锁超市",
        ] {
            assert!(organisation_name(name), "{name}");
        }
    }

    #[test]
    fn paths_and_labelled_cells_are_units() {
        let paths = [
            "机务段>检修车间>电机班组",
            "机务段>运用车间",
            "机务段>检修车间>转向架班组",
        ];
        assert!(score(&paths, Field::Unit) > 0.8);
        assert!(score(&paths, Field::Department) < 0.0);
        let labelled = [
            "责任部门:办公室;配合部门:财务科",
            "责任部门:财务科",
            "责任部门:人事科",
        ];
        assert!(score(&labelled, Field::Unit) > 0.8);
        assert_eq!(path_parts("2023/6/30"), None);
        assert_eq!(path_parts("机务段>车间").map(|p| p.len()), Some(2));
        assert_eq!(
            path_parts("红岭煤矿 > 综采一队 > 检修班").map(|p| p.len()),
            Some(3)
        );
        // A ticket's category path names no organisation at any level.
        let categories = [
            "城乡建设>老旧小区改造",
            "环境保护>餐饮油烟",
            "市场监管>食品安全",
        ];
        assert_eq!(path_parts(categories[0]), None);
        assert!(score(&categories, Field::Unit) < 0.5);
    }

    #[test]
    fn sentences_and_numbers() {
        let s = ["小区路灯损坏,夜间出行不便", "楼道堆放杂物存在消防隐患"];
        assert!(score(&s, Field::Problem) > 0.25);
        assert!(score(&s, Field::Status) <= 0.0);
        assert!(score(&["1", "2", "3"], Field::Seq) > 0.25);
        // A column of counts under `反馈问题（个）` is no problem.
        assert!(score(&["4", "4", "3"], Field::Problem) < 0.0);
        assert!(score(&["4", "4", "3"], Field::Measure) < 0.0);
    }

    #[test]
    fn zones_a_county_governs_are_organisations() {
        for name in [
            "永宁经济开发区",
            "城西工业园区",
            "高新区管委会",
            "青溪县慈云寺",
            "青溪县玉虚观",
            "青溪县城关基督教堂",
            "青山监狱",
        ] {
            assert!(super::organisation_name(name), "{name}");
            assert!(super::is_unit_name(name), "{name}");
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `layout::evidence::labelled_organisation`
    #[test]
    fn evidence_labelled_organisation() {
        use crate::layout::evidence::labelled_organisation;
        assert_eq!(
            labelled_organisation("责任部门:办公室;配合部门:财务科").as_deref(),
            Some("办公室")
        );
        assert_eq!(
            labelled_organisation("牵头单位：县发改局"),
            Some("县发改局".to_string())
        );
        assert_eq!(labelled_organisation("办公室"), None);
        assert_eq!(
            labelled_organisation("县发改局牵头，县财政局、城关镇配合").as_deref(),
            Some("县发改局")
        );
        assert_eq!(
            labelled_organisation("牵头单位：县市场监管局\n配合单位：县行政审批局").as_deref(),
            Some("县市场监管局")
        );
        assert_eq!(
            labelled_organisation("牵头单位:县教育局配合单位:县住建局").as_deref(),
            Some("县教育局")
        );
        assert_eq!(
            labelled_organisation("县住建局（牵头）、城关镇").as_deref(),
            Some("县住建局")
        );
    }

    /// `layout::evidence::lead_organisation`
    #[test]
    fn evidence_lead_organisation() {
        use crate::layout::evidence::lead_organisation;
        assert_eq!(
            lead_organisation("县农业农村局\n各乡镇").as_deref(),
            Some("县农业农村局")
        );
        assert_eq!(
            lead_organisation("县交通运输局、县公安局").as_deref(),
            Some("县交通运输局")
        );
        assert_eq!(
            lead_organisation("县卫健局（牵头）、县医保局、县财政局").as_deref(),
            Some("县卫健局")
        );
        // One organisation, or a list that is not of organisations, is no list of units.
        assert_eq!(lead_organisation("县财政局"), None);
        assert_eq!(lead_organisation("张三、李四"), None);
    }
}
