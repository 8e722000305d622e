//! Writes a benchmark corpus of ledgers in the real layout, deterministic from a seed:
//! `cargo run --release --example gen_corpus -- --files 200 --rows 500 --seed 1 --out DIR`.
//! `--round2 PERCENT` writes the next round of the same ledgers instead: the same rows, with
//! that share of the measures' statuses changed to `已完成` (what `diff` of two rounds sees).
//!
//! Each file is one community's ledger: a merged title row, a meta row, the header on row 3,
//! then `rows` measure rows; problems are merged over 1–4 measure rows (序号, 问题类别 and 反馈问题
//! merged), deadlines are a mix of real date cells and text (`2023年6月底前`, `长期坚持` …),
//! statuses a mix of every category, and the texts are varied Chinese sentences.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const PLACES: [&str; 20] = [
    "庆利",
    "自强",
    "重庆路南",
    "重庆路北",
    "北安",
    "明珠",
    "民康",
    "永吉",
    "长通",
    "全安",
    "桃源",
    "西安桥",
    "繁荣",
    "南岭",
    "东风",
    "解放",
    "新风",
    "曙光",
    "红旗",
    "幸福",
];
const SUFFIX: [&str; 10] = ["", "一", "二", "东", "西", "南", "北", "中", "新", "园"];
const CATEGORIES: [&str; 5] = [
    "落实基层治理政治责任方面",
    "党建引领基层治理方面",
    "推进基层治理重点任务方面",
    "作风和廉洁风险方面",
    "基层治理坚强保障方面",
];
const SUBJECTS: [&str; 12] = [
    "党群服务阵地",
    "网格员走访",
    "微心愿认领",
    "居民议事会",
    "物业服务",
    "楼栋长队伍",
    "志愿服务",
    "便民服务事项",
    "矛盾纠纷调解",
    "消防通道",
    "垃圾分类",
    "社工队伍",
];
const FAULTS: [&str; 10] = [
    "建设不够均衡",
    "开展不够深入",
    "兑现不够及时",
    "渠道比较单一",
    "管理不够规范",
    "年龄结构不合理",
    "形式比较单一",
    "公开不够充分",
    "处置不够及时",
    "存在安全隐患",
];
const DETAILS: [&str; 8] = [
    "居民反映较为强烈",
    "台账记录不完整",
    "部分事项未按期完成",
    "群众满意度不高",
    "制度执行不到位",
    "责任分工不明确",
    "督促检查不够有力",
    "长效机制尚未建立",
];
const VERBS: [&str; 10] = [
    "制定", "建立", "开展", "完善", "落实", "组织", "推进", "健全", "召开", "印发",
];
const OBJECTS: [&str; 12] = [
    "专项工作方案",
    "工作台账",
    "季度督查",
    "培训计划",
    "考核办法",
    "包保责任制",
    "议事规则",
    "排查化解机制",
    "公示制度",
    "专题会议",
    "整改清单",
    "长效管理机制",
];
const LEADERS: [&str; 8] = [
    "王志刚",
    "刘洋",
    "陈国华",
    "孙建军",
    "高建国",
    "韩立新",
    "潘宏",
    "马占山",
];
const DEPTS: [&str; 6] = ["党建办", "综治办", "城建办", "社区办", "网格办", "服务站"];
const PEOPLE: [&str; 10] = [
    "张红", "李娟", "刘伟", "钱芳", "孙悦", "郑凯", "冯雪", "曹阳", "许晴", "邓华",
];
const STATUSES: [&str; 9] = [
    "已完成",
    "已完成",
    "已完成",
    "完成",
    "长期坚持",
    "推进中",
    "正在推进",
    "未开始",
    "已整改",
];
const TEXT_DEADLINES: [&str; 9] = [
    "2023年6月底前",
    "2023年12月31日",
    "2023年第二季度",
    "2023年下半年",
    "长期坚持",
    "立行立改",
    "2023.6.30",
    "2023年3月至6月",
    "2023年年底前",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let get = |name: &str, default: &str| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
            .unwrap_or_else(|| default.to_string())
    };
    let files: usize = get("--files", "200").parse()?;
    let rows: usize = get("--rows", "500").parse()?;
    let seed: u64 = get("--seed", "1").parse()?;
    let out = PathBuf::from(get("--out", "target/bench/corpus"));
    let round2: usize = get("--round2", "0").parse()?;
    std::fs::create_dir_all(&out)?;
    for f in 0..files {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ (f as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        // Every unit keeps one ledger, as in a city: past the 200 names of places and
        // suffixes, a number tells them apart (庆利2社区).
        let names = PLACES.len() * SUFFIX.len();
        let round = f / names;
        let community = format!(
            "{}{}{}社区",
            PLACES[f % PLACES.len()],
            SUFFIX[(f / PLACES.len()) % SUFFIX.len()],
            if round > 0 {
                (round + 1).to_string()
            } else {
                String::new()
            }
        );
        // The round's changes come from a generator of their own: the rest stays the same.
        let mut changes = Rng(seed ^ (f as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F));
        write_ledger(
            &out.join(format!("{f:05}_{community}.xlsx")),
            &community,
            rows,
            &mut rng,
            (round2 > 0).then_some((&mut changes, round2)),
        )?;
    }
    println!("wrote {files} ledgers of {rows} rows to {}", out.display());
    Ok(())
}

fn write_ledger(
    path: &std::path::Path,
    community: &str,
    rows: usize,
    rng: &mut Rng,
    mut round2: Option<(&mut Rng, usize)>,
) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_ymd(2023, 3, 30)?),
    );
    let ws = wb.add_worksheet();
    ws.set_name("整改台账")?;
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let date = cell.clone().set_num_format("yyyy-mm-dd");
    ws.merge_range(
        0,
        0,
        0,
        9,
        &format!("{community}党委巡察反馈意见整改落实情况台账"),
        &head,
    )?;
    ws.write_string(1, 0, format!("填报单位:{community}"))?;
    ws.write_string(1, 6, "填报日期:2023年3月30日")?;
    for (c, h) in [
        "序号",
        "问题类别",
        "反馈问题",
        "整改措施",
        "责任领导",
        "责任科室",
        "责任人",
        "整改时限",
        "完成情况",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(2, c as u16, *h, &head)?;
    }
    let mut r = 3u32;
    let mut seq = 1;
    let mut left = rows;
    while left > 0 {
        let n = (1 + rng.below(4)).min(left);
        let category = rng.pick(&CATEGORIES);
        let problem = format!(
            "{}{},{};{}{},{}(第{}项)",
            rng.pick(&SUBJECTS),
            rng.pick(&FAULTS),
            rng.pick(&DETAILS),
            rng.pick(&SUBJECTS),
            rng.pick(&FAULTS),
            rng.pick(&DETAILS),
            seq
        );
        let (leader, dept) = (rng.pick(&LEADERS), rng.pick(&DEPTS));
        for k in 0..n {
            let measure = format!(
                "{}{}{},{}{},由{}牵头、{}具体负责,每月报送进展情况(措施{})",
                rng.pick(&VERBS),
                rng.pick(&SUBJECTS),
                rng.pick(&OBJECTS),
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                rng.pick(&DEPTS),
                rng.pick(&PEOPLE),
                k + 1
            );
            let row = r + k as u32;
            if k == 0 {
                ws.write_number_with_format(row, 0, seq as f64, &cell)?;
                ws.write_string_with_format(row, 1, category, &cell)?;
                ws.write_string_with_format(row, 2, &problem, &cell)?;
            }
            ws.write_string_with_format(row, 3, &measure, &cell)?;
            ws.write_string_with_format(row, 4, leader, &cell)?;
            ws.write_string_with_format(row, 5, dept, &cell)?;
            ws.write_string_with_format(row, 6, rng.pick(&PEOPLE), &cell)?;
            if rng.below(2) == 0 {
                let d = ExcelDateTime::from_ymd(
                    2023,
                    1 + rng.below(12) as u8,
                    1 + rng.below(28) as u8,
                )?;
                ws.write_datetime_with_format(row, 7, d, &date)?;
            } else {
                ws.write_string_with_format(row, 7, rng.pick(&TEXT_DEADLINES), &cell)?;
            }
            let status = rng.pick(&STATUSES);
            let status = match round2.as_mut() {
                Some((changes, percent)) => {
                    if changes.below(100) < *percent {
                        "已完成"
                    } else {
                        status
                    }
                }
                None => status,
            };
            ws.write_string_with_format(row, 8, status, &cell)?;
            if rng.below(5) == 0 {
                ws.write_string_with_format(row, 9, "已报送佐证材料", &cell)?;
            }
        }
        if n > 1 {
            for c in 0..3u16 {
                let text = match c {
                    0 => seq.to_string(),
                    1 => category.to_string(),
                    _ => problem.clone(),
                };
                if c == 0 {
                    ws.merge_range(r, c, r + n as u32 - 1, c, "", &cell)?;
                    ws.write_number_with_format(r, c, seq as f64, &cell)?;
                } else {
                    ws.merge_range(r, c, r + n as u32 - 1, c, &text, &cell)?;
                }
            }
        }
        r += n as u32;
        left -= n;
        seq += 1;
    }
    ws.write_string(
        r + 1,
        0,
        "填报人:张红    审核人:王志刚    联系电话:0431-88765432",
    )?;
    wb.save(path)
}
