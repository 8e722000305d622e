//! Regenerates the sample ledgers in `samples/` (run through `samples/regenerate.sh`).
//!
//! Six ledgers of the sub-district in the seed report (自强街道) and its five communities, each
//! written the way a different office writes them, in every input format:
//!
//! | file | format | layout |
//! |---|---|---|
//! | 自强街道党工委巡察整改台账.xlsx | xlsx | title + meta rows, one row per problem with enumerated measures (`一是…二是…`), category merged over problems, footer |
//! | 庆利社区整改台账.xlsx | xlsx | title + meta rows, problems merged over measure rows, footer, a hidden sheet with an old ledger, a notes sheet |
//! | 自强社区整改台账.xls | xls (via LibreOffice) | two-row header (`责任主体` over 责任领导/责任科室/责任人), merged problems, completion dates |
//! | 重庆路南社区整改台账.ods | ods (via LibreOffice) | merged problems and a leader merged over every row, half-year/quarter/range/立行立改 deadlines |
//! | 重庆路北社区整改台账.csv | CSV in GB18030 | title line, one row per problem with enumerated measures, continuation rows, deadlines without a year |
//! | 北安社区整改台账.xlsx | xlsx | real date cells, a duplicate column, a second ledger sheet missing a column, a statistics sheet |
//!
//! The planted defects (as of 2023-03-30), each with its cell and why, and the counters they give
//! are worked out by hand in `samples/expected.json`, to which `tests/it/samples.rs` holds `check`.
//! `.xls` and `.ods` are written here as `.xlsx` into `target/sample-sources/` and converted by
//! LibreOffice in `samples/regenerate.sh`.

use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::path::{Path, PathBuf};

/// One cell of a sample.
#[derive(Clone)]
enum C {
    S(&'static str),
    D(u16, u8, u8),
    E,
}

use C::{D, E, S};

/// A ledger sheet to write.
struct Ledger {
    sheet: &'static str,
    hidden: bool,
    title: Option<&'static str>,
    meta: Vec<&'static str>,
    /// One header row, or two (group row first).
    header: Vec<Vec<&'static str>>,
    rows: Vec<Vec<C>>,
    /// Merges within the data rows: (first row, col, last row, last col), rows from 0 = first
    /// data row.
    merges: Vec<(u32, u16, u32, u16)>,
    footer: Vec<&'static str>,
    widths: Vec<f64>,
}

fn formats() -> (Format, Format, Format, Format, Format) {
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#D9E1F2");
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let plain = Format::new();
    (title, head, cell, date, plain)
}

fn write_ledger(ws: &mut Worksheet, l: &Ledger) -> Result<(), XlsxError> {
    let (title_f, head_f, cell_f, date_f, plain) = formats();
    ws.set_name(l.sheet)?;
    let width = l.header.iter().map(Vec::len).max().unwrap_or(1) as u16;
    for (i, w) in l.widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let mut r: u32 = 0;
    if let Some(t) = l.title {
        ws.merge_range(r, 0, r, width - 1, t, &title_f)?;
        ws.set_row_height(r, 30)?;
        r += 1;
    }
    for m in &l.meta {
        ws.write_string_with_format(r, 0, *m, &plain)?;
        r += 1;
    }
    let header_top = r;
    for row in &l.header {
        for (c, h) in row.iter().enumerate() {
            if !h.is_empty() {
                ws.write_string_with_format(r, c as u16, *h, &head_f)?;
            } else {
                ws.write_blank(r, c as u16, &head_f)?;
            }
        }
        r += 1;
    }
    if l.header.len() == 2 {
        // The group cell spans the empty cells to its right; single headers span both rows.
        let top = &l.header[0];
        let mut c = 0;
        while c < top.len() {
            if !top[c].is_empty() && l.header[1][c].is_empty() {
                ws.merge_range(
                    header_top,
                    c as u16,
                    header_top + 1,
                    c as u16,
                    top[c],
                    &head_f,
                )?;
                c += 1;
            } else if !top[c].is_empty() {
                let mut end = c;
                while end + 1 < top.len() && top[end + 1].is_empty() {
                    end += 1;
                }
                ws.merge_range(
                    header_top, c as u16, header_top, end as u16, top[c], &head_f,
                )?;
                c = end + 1;
            } else {
                c += 1;
            }
        }
    }
    let data_top = r;
    for row in &l.rows {
        for (c, v) in row.iter().enumerate() {
            match v {
                S(s) => {
                    ws.write_string_with_format(r, c as u16, *s, &cell_f)?;
                }
                D(y, m, d) => {
                    ws.write_datetime_with_format(
                        r,
                        c as u16,
                        ExcelDateTime::from_ymd(*y, *m, *d)?,
                        &date_f,
                    )?;
                }
                E => {
                    ws.write_blank(r, c as u16, &cell_f)?;
                }
            }
        }
        r += 1;
    }
    for (r1, c1, r2, c2) in &l.merges {
        let (a, b) = (data_top + r1, data_top + r2);
        let text = match &l.rows[*r1 as usize][*c1 as usize] {
            S(s) => *s,
            _ => "",
        };
        ws.merge_range(a, *c1, b, *c2, text, &cell_f)?;
    }
    for f in &l.footer {
        ws.write_string_with_format(r, 0, *f, &plain)?;
        r += 1;
    }
    if l.hidden {
        ws.set_hidden(true);
    }
    Ok(())
}

fn save(path: &Path, ledgers: &[Ledger], extra: Option<(&str, &[&str])>) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_author("taizhang samples")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2023, 3, 30)?),
    );
    for l in ledgers {
        let ws = wb.add_worksheet();
        write_ledger(ws, l)?;
    }
    if let Some((name, lines)) = extra {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, 80)?;
        for (i, line) in lines.iter().enumerate() {
            ws.write_string(i as u32, 0, *line)?;
        }
    }
    wb.save(path)
}

const STD_HEADER: [&str; 9] = [
    "序号",
    "问题类别",
    "反馈问题",
    "整改措施",
    "责任领导",
    "责任科室",
    "责任人",
    "整改时限",
    "完成情况",
];

fn subdistrict() -> Ledger {
    let lead = |r: Vec<C>| r;
    Ledger {
        sheet: "整改台账",
        hidden: false,
        title: Some("自强街道党工委基层治理专项巡察反馈意见整改落实情况台账"),
        meta: vec!["填报单位:自强街道党工委        填报日期:2023年3月30日"],
        header: vec![STD_HEADER.to_vec()],
        rows: vec![
            lead(vec![
                S("1"),
                S("落实基层治理政治责任方面"),
                S(
                    "针对领导统筹协调作用发挥不充分问题(统筹谋划不够,街道基层治理工作组没有召开专题会议听取审议部署;工作合力还不够,5个专项组没有形成互相配合、高效运转的机制)",
                ),
                S(
                    "一是召开2023年度基层治理工作年度部署会,进一步明确全年基层治理工作内容,压实责任分担,确保基层责任治理;二是召开一季度基层治理工作对接会,5个专项工作组结合《三年工作计划》,根据工作需要对各自承担的工作职责做好任务分解表,确保基层责任治理不落空。",
                ),
                S("刘志远"),
                S("党建办"),
                S("王丽娜"),
                S("2023年3月底前"),
                S("已完成"),
            ]),
            vec![
                S("2"),
                S("落实基层治理政治责任方面"),
                S(
                    "针对“基层建设年”工作推动不够有力问题(贯彻落实举措不扎实,没有结合基层建设年和“四个服务”文件精神研究制定街道具体落实举措;“我为群众办实事”实施项目还不够精准)",
                ),
                S(
                    "一是结合基层建设年和“四个服务”文件精神,制定自强街道“四个服务”专项行动工作方案,制定自强街道“10+N”系列服务行动台账;二是党建办完成各社区的“微心愿”清单审核工作,纪工委对“微心愿”认领、兑现台账进行工作督导。",
                ),
                S("刘志远"),
                S("党建办"),
                S("王丽娜"),
                S("2023年2月底前"),
                S("已完成"),
            ],
            vec![
                S("1(1)"),
                S("党建引领基层治理方面"),
                S(
                    "针对党建引领社会参与仍有差距问题:针对城市党建联盟运行效果不佳问题(街道现有非公企业和社会组织党支部16个,能够经常开展党建联盟活动的只有1家)",
                ),
                S(
                    "一是开展党建引领“创优营商环境 助推金街腾飞”春风行动公益就业招聘会、垃圾分类评比等活动,建立商圈党建联盟联席会活动方案;二是抽调4名精通党务工作的机关干部,专门从事党建联盟工作,开展万人驻(助)万企行动。",
                ),
                S("陈国华"),
                S("党建办"),
                S("李明"),
                S("2023年3月31日"),
                S("已完成"),
            ],
            vec![
                S("1(2)"),
                S("党建引领基层治理方面"),
                S(
                    "针对党建引领社会参与仍有差距问题:针对新业态新就业群体党组织没有做到应建尽建问题(街道现有的9家新业态群体均未建立党组织)",
                ),
                S(
                    "一是对未建立党组织的9家新业态群体,成立派驻党支部3个,设置专职党建指导员;二是以“日新自强春城驿家”党群服务站为载体,开展免费健康体检、交通安全主题教育活动。",
                ),
                S("陈国华"),
                S("党建办"),
                S("李明"),
                S("2023年3月31日"),
                S("已完成"),
            ],
            vec![
                S("2(1)"),
                S("党建引领基层治理方面"),
                S(
                    "针对基层党的建设还存在短板问题:针对党群服务阵地建设还不够均衡问题(北安社区阵地有7个,南部庆利社区阵地仅有1个)",
                ),
                S(
                    "系统布局党群服务阵地一体化建设,增设3个小区党群服务站,确保每2—3个网格即有一个小区党群服务站。",
                ),
                S("陈国华"),
                S("党建办"),
                S("赵磊"),
                S("2023年3月底"),
                S("已完成"),
            ],
            vec![
                S("2(2)"),
                S("党建引领基层治理方面"),
                S(
                    "针对基层党的建设还存在短板问题:针对推进新时代吉林党支部标准体系(BTX)建设发力不足问题",
                ),
                S(
                    "及时督促并定期通报非公企业党支部BTX完成情况,将BTX完成情况作为非公企业党支部书记年底述职评议内容的考核依据。",
                ),
                S("陈国华"),
                S("党建办"),
                S("赵磊"),
                S("2023年2月28日"),
                S("已完成"),
            ],
            vec![
                S("3(1)"),
                S("党建引领基层治理方面"),
                S(
                    "针对物业治理比较薄弱问题:针对街道“红心物业”建设处于初级阶段,缺少具体措施和推进手段问题",
                ),
                S(
                    "重新引进2个物业公司,指导成立红心物业党支部,开展订单式、回馈式物业服务项目,精准提供水电维修、管网疏通等服务。",
                ),
                S("孙建军"),
                S("城建科"),
                S("周涛"),
                S("2023年3月30日"),
                S("已完成"),
            ],
            vec![
                S("3(2)"),
                S("党建引领基层治理方面"),
                S("针对物业治理比较薄弱问题:针对《吉林省物业管理条例》宣传培训不到位问题"),
                S("组织召开“长春市物业管理条例培训会”,邀请律师为辖区物业企业进行专业的条例解读。"),
                S("孙建军"),
                S("城建科"),
                S("周涛"),
                S("2023年3月15日"),
                S("已完成"),
            ],
            vec![
                S("1(1)"),
                S("基层治理坚强保障方面"),
                S(
                    "关于基层治理干部队伍建设有待强化问题:针对“三长”队伍年龄结构还不合理问题(楼栋长、单元长250人,其中60岁以上121人)",
                ),
                S(
                    "从“选、育、管、用”各环节推进建立统一融合机制,一是优化“三长”队伍年龄结构,有效动员年轻群众资源加入社区基层治理工作。二是制定“三长”服务积分管理方案、积分奖励制度。",
                ),
                S("刘志远"),
                S("社区办"),
                S("吴静"),
                S("2023年3月底前"),
                S("已完成"),
            ],
            vec![
                S("1(2)"),
                S("基层治理坚强保障方面"),
                S(
                    "关于基层治理干部队伍建设有待强化问题:针对社区工作者专业化水平有待提升问题(全街100名社区工作者,仅有13名有社工资格证书)",
                ),
                S(
                    "依托自强街道社工站、示范服务项目,针对全部社区工作人员开展3轮社工基础专业知识培训,督促社区工作人员考取社工证。",
                ),
                S("刘志远"),
                S("社区办"),
                S("吴静"),
                S("2023年3月底前"),
                S("已完成"),
            ],
        ],
        merges: vec![(0, 1, 1, 1), (2, 1, 7, 1), (8, 1, 9, 1)],
        footer: vec!["填报人:王丽娜        审核人:刘志远        联系电话:0431-81179802"],
        widths: vec![6.0, 14.0, 40.0, 60.0, 10.0, 10.0, 10.0, 14.0, 10.0],
    }
}

fn qingli() -> (Ledger, Ledger) {
    let main = Ledger {
        sheet: "整改台账",
        hidden: false,
        title: Some("庆利社区党委巡察反馈意见整改落实情况台账"),
        meta: vec!["填报单位:庆利社区党委", "截至2023年3月30日"],
        header: vec![vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任科室",
            "责任人",
            "整改时限",
            "完成情况",
            "备注",
        ]],
        rows: vec![
            vec![
                S("1"),
                S("党群服务阵地仅有1个,不能充分满足居民协商议事、服务代办的需求"),
                S("协调辖区单位共享活动场所2处"),
                S("马占山"),
                S("党建办"),
                S("张红"),
                S("2023年3月15日前"),
                S("已完成"),
                S("与辖区小学签订共享协议"),
            ],
            vec![
                E,
                E,
                S("在吉祥小区增设党群服务站1个"),
                S("马占山"),
                S("党建办"),
                S("张红"),
                S("2023年6月30日前"),
                S("推进中"),
                E,
            ],
            vec![
                E,
                E,
                S("制定阵地开放使用管理制度"),
                S("马占山"),
                S("党建办"),
                S("李娟"),
                S("2023-02-28"),
                S("已完成"),
                E,
            ],
            vec![
                S("2"),
                S("网格员入户走访不深入,民情台账更新不及时"),
                S("建立网格员每周走访制度"),
                S("马占山"),
                S("网格办"),
                S("刘伟"),
                S("2023/2/28"),
                S("已完成"),
                E,
            ],
            vec![
                E,
                E,
                S("每月更新民情台账并在网格群内通报"),
                S("马占山"),
                S("网格办"),
                S("刘伟"),
                S("长期坚持"),
                S("长期坚持"),
                E,
            ],
            vec![
                S("3"),
                S("“微心愿”认领兑现不及时"),
                S("对未兑现的微心愿逐一跟踪督办"),
                S("马占山"),
                S("党建办"),
                E,
                S("2023.03.15前"),
                S("推进中"),
                S("尚余2个未兑现"),
            ],
        ],
        merges: vec![(0, 0, 2, 0), (0, 1, 2, 1), (3, 0, 4, 0), (3, 1, 4, 1)],
        footer: vec![
            "填报人:张红        审核人:马占山",
            "联系电话:0431-88765432",
            "注:完成情况填写“已完成”“推进中”“未开始”或“长期坚持”。",
        ],
        widths: vec![6.0, 36.0, 36.0, 10.0, 10.0, 10.0, 16.0, 10.0, 20.0],
    };
    let old = Ledger {
        sheet: "旧版台账",
        hidden: true,
        title: Some("庆利社区党委巡察反馈意见整改落实情况台账(2月版)"),
        meta: vec![],
        header: vec![vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任科室",
            "责任人",
            "整改时限",
            "完成情况",
        ]],
        rows: vec![vec![
            S("1"),
            S("党群服务阵地仅有1个"),
            S("协调辖区单位共享活动场所"),
            S("马占山"),
            S("党建办"),
            S("张红"),
            S("2023年3月15日前"),
            S("推进中"),
        ]],
        merges: vec![],
        footer: vec![],
        widths: vec![6.0, 30.0, 30.0, 10.0, 10.0, 10.0, 16.0, 10.0],
    };
    (main, old)
}

fn ziqiang() -> Ledger {
    Ledger {
        sheet: "自强社区",
        hidden: false,
        title: Some("自强社区党委巡察反馈意见整改落实情况台账"),
        meta: vec!["填报日期:2023年3月30日"],
        header: vec![
            vec![
                "序号",
                "问题类别",
                "反馈问题",
                "整改措施",
                "责任主体",
                "",
                "",
                "整改时限",
                "完成情况",
                "完成时间",
                "备注",
            ],
            vec![
                "",
                "",
                "",
                "",
                "责任领导",
                "责任科室",
                "责任人",
                "",
                "",
                "",
                "",
            ],
        ],
        rows: vec![
            vec![
                S("1"),
                S("党建引领"),
                S("社区党委书记抓党建述职评议流于形式"),
                S("修订社区党组织书记述职评议办法"),
                S("高建国"),
                S("党建办"),
                S("钱芳"),
                S("2023年2月"),
                S("已完成"),
                D(2023, 2, 20),
                E,
            ],
            vec![
                E,
                E,
                E,
                S("开展述职评议“回头看”"),
                S("高建国"),
                S("党建办"),
                S("钱芳"),
                S("2023年2月底"),
                S("已完成"),
                D(2023, 3, 5),
                S("3月初补开评议会"),
            ],
            vec![
                S("2"),
                S("基层治理"),
                S("居民议事会议题征集渠道单一"),
                S("开通微信小程序线上议题征集"),
                S("高建国"),
                S("综治办"),
                S("孙悦"),
                S("2023年3月底前"),
                S("已完成"),
                D(2023, 3, 25),
                E,
            ],
            vec![
                E,
                E,
                E,
                S("每季度召开一次居民议事会"),
                S("高建国"),
                S("综治办"),
                S("孙悦"),
                S("长期坚持"),
                S("长期坚持"),
                E,
                E,
            ],
            vec![
                S("3"),
                S("基层治理"),
                S("老旧小区停车秩序混乱,居民反映强烈"),
                S("在自强小区施划停车位60个"),
                S("杨帆"),
                S("城建办"),
                S("郑凯"),
                S("2023年4月10日"),
                S("推进中"),
                E,
                S("已施划40个"),
            ],
            vec![
                E,
                E,
                E,
                S("协调物业设置道闸系统"),
                S("杨帆"),
                S("城建办"),
                S("郑凯"),
                S("尽快"),
                S("未开始"),
                E,
                E,
            ],
            vec![
                S("4"),
                S("队伍建设"),
                S("社区工作者培训覆盖面不足"),
                S("制定年度培训计划"),
                S("高建国"),
                S("社区办"),
                S("冯雪"),
                S("2023年1月末"),
                S("已完成"),
                D(2023, 1, 20),
                E,
            ],
            vec![
                E,
                E,
                E,
                S("组织社工证考前辅导"),
                S("高建国"),
                S("社区办"),
                S("冯雪"),
                S("2023年年底前"),
                S("推进中"),
                E,
                E,
            ],
            vec![
                E,
                E,
                E,
                S("建立社区工作者培训档案"),
                S("高建国"),
                S("社区办"),
                S("冯雪"),
                S("2023年末"),
                S("推进中"),
                E,
                E,
            ],
        ],
        merges: vec![
            (0, 0, 1, 0),
            (0, 1, 1, 1),
            (0, 2, 1, 2),
            (2, 0, 3, 0),
            (2, 1, 3, 1),
            (2, 2, 3, 2),
            (4, 0, 5, 0),
            (4, 1, 5, 1),
            (4, 2, 5, 2),
            (6, 0, 8, 0),
            (6, 1, 8, 1),
            (6, 2, 8, 2),
        ],
        footer: vec!["填报人:钱芳    审核人:高建国    联系电话:0431-88671234"],
        widths: vec![
            6.0, 10.0, 30.0, 30.0, 10.0, 10.0, 10.0, 14.0, 10.0, 14.0, 16.0,
        ],
    }
}

fn chongqing_south() -> Ledger {
    Ledger {
        sheet: "Sheet1",
        hidden: false,
        title: Some("重庆路南社区党委巡察反馈意见落实进展情况台账"),
        meta: vec![],
        header: vec![vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任部门",
            "责任人",
            "完成时限",
            "整改进展",
        ]],
        rows: vec![
            vec![
                S("1"),
                S("环境卫生死角清理不彻底,楼道堆物较多"),
                S("开展环境卫生集中整治行动"),
                S("韩立新"),
                S("环卫组"),
                S("曹阳"),
                S("立行立改"),
                S("已完成"),
            ],
            vec![
                E,
                E,
                S("建立楼院卫生包保制度"),
                E,
                S("环卫组"),
                S("曹阳"),
                S("2023年上半年"),
                S("长期坚持"),
            ],
            vec![
                S("2"),
                S("楼栋长、单元长年龄偏大,履职能力不足"),
                S("选聘年轻居民担任楼栋长"),
                E,
                S("社区办"),
                S("许晴"),
                S("2023年下半年"),
                S("推进中"),
            ],
            vec![
                E,
                E,
                S("开展楼栋长业务培训"),
                E,
                S("社区办"),
                S("许晴"),
                S("2023年第二季度"),
                S("推进中"),
            ],
            vec![
                S("4"),
                S("居民诉求办理反馈不及时"),
                S("建立诉求办理台账"),
                E,
                S("综治办"),
                S("邓华"),
                S("立即整改"),
                S("已完成"),
            ],
            vec![
                E,
                E,
                S("每周梳理诉求办理情况"),
                E,
                S("综治办"),
                S("邓华"),
                S("2023年二季度末"),
                S("看情况"),
            ],
            vec![
                S("5"),
                S("消防通道堵塞,存在安全隐患"),
                S("清理楼道及消防通道堆放杂物"),
                E,
                S("安监组"),
                S("彭亮"),
                S("2023年3月至6月"),
                S("推进中"),
            ],
            vec![
                E,
                E,
                S("在消防通道设置警示标识"),
                E,
                S("安监组"),
                S("彭亮"),
                S("2023.3-2023.6"),
                S("正在推进"),
            ],
        ],
        merges: vec![
            (0, 0, 1, 0),
            (0, 1, 1, 1),
            (2, 0, 3, 0),
            (2, 1, 3, 1),
            (4, 0, 5, 0),
            (4, 1, 5, 1),
            (6, 0, 7, 0),
            (6, 1, 7, 1),
            (0, 3, 7, 3),
        ],
        footer: vec!["填报人:曹阳    审核人:韩立新"],
        widths: vec![6.0, 30.0, 30.0, 10.0, 10.0, 10.0, 16.0, 10.0],
    }
}

fn beian() -> (Ledger, Ledger) {
    let main = Ledger {
        sheet: "北安社区",
        hidden: false,
        title: Some("巡察反馈意见整改落实情况台账"),
        meta: vec!["截至2023年3月30日"],
        header: vec![vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任科室",
            "责任人",
            "具体责任人",
            "整改时限",
            "完成情况",
            "完成时间",
        ]],
        rows: vec![
            vec![
                S("1"),
                S("北安高层3-3栋环境卫生差,居民对兜底物业服务满意度不高"),
                S("引进专业物业公司接管3-3栋"),
                S("潘宏"),
                S("物业办"),
                S("魏东"),
                S("魏东"),
                D(2023, 3, 1),
                S("已完成"),
                D(2023, 2, 25),
            ],
            vec![
                E,
                E,
                S("每周开展一次环境卫生检查"),
                S("潘宏"),
                S("物业办"),
                S("魏东"),
                S("魏东"),
                D(2023, 12, 31),
                S("长期坚持"),
                E,
            ],
            vec![
                S("2"),
                S("红心物业党支部未建立"),
                S("指导成立红心物业党支部"),
                S("潘宏"),
                S("党建办"),
                S("蒋琳"),
                S("蒋琳"),
                D(2023, 3, 20),
                S("已完成"),
                S("2023年3月18日"),
            ],
            vec![
                S("3"),
                S("小区党群服务站覆盖不足"),
                S("增设小区党群服务站2个"),
                S("潘宏"),
                S("党建办"),
                S("蒋琳"),
                S("蒋琳"),
                D(2023, 3, 20),
                S("推进中"),
                E,
            ],
            vec![
                E,
                E,
                S("制定党群服务站运行管理制度"),
                S("潘宏"),
                S("党建办"),
                S("蒋琳"),
                S("蒋琳"),
                D(2023, 4, 30),
                S("未开始"),
                E,
            ],
        ],
        merges: vec![(0, 0, 1, 0), (0, 1, 1, 1), (3, 0, 4, 0), (3, 1, 4, 1)],
        footer: vec!["填报人:蒋琳    审核人:潘宏    联系电话:0431-85012345"],
        widths: vec![6.0, 30.0, 30.0, 10.0, 10.0, 10.0, 12.0, 14.0, 10.0, 14.0],
    };
    let extra = Ledger {
        sheet: "补充问题",
        hidden: false,
        title: Some("北安社区自查问题整改台账"),
        meta: vec![],
        header: vec![vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任科室",
            "责任人",
            "整改时限",
            "完成情况",
        ]],
        rows: vec![vec![
            S("1"),
            S("居民议事厅利用率不高"),
            S("制定议事厅开放计划并公示"),
            S("综治办"),
            S("潘宏"),
            S("2023年5月31日"),
            S("推进中"),
        ]],
        merges: vec![],
        footer: vec![],
        widths: vec![6.0, 30.0, 30.0, 10.0, 10.0, 16.0, 10.0],
    };
    (main, extra)
}

/// The north community's CSV, as WPS saves it: GB18030, CRLF, a title line.
fn chongqing_north_csv() -> String {
    let rows: Vec<Vec<&str>> = vec![
        vec![
            "重庆路北社区党委巡察反馈意见落实进展情况台账",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        vec![
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任科室",
            "责任人",
            "整改时限",
            "完成情况",
            "备注",
        ],
        vec![
            "1",
            "社区“两委”班子学习制度落实不到位",
            "一是制定班子年度学习计划;\n二是每月开展一次集中学习;\n三是建立学习笔记检查制度。",
            "赵永红",
            "党建办",
            "孙丽",
            "6月30日前",
            "推进中",
            "",
        ],
        vec![
            "",
            "",
            "落实学习情况季度通报",
            "赵永红",
            "党建办",
            "孙丽",
            "长期坚持",
            "长期坚持",
            "续上一问题",
        ],
        vec![
            "2",
            "志愿服务活动形式单一,居民参与度不高",
            "1.组建“五为”志愿服务队;2.开展“周末志愿日”活动;3.开展“周末志愿日”活动",
            "赵永红",
            "党建办",
            "何敏",
            "6月底前",
            "推进中",
            "",
        ],
        vec![
            "3",
            "社区“微心愿”台账管理不规范",
            "(1)建立微心愿认领、兑现台账;(2)每月公示兑现情况",
            "赵永红",
            "党建办",
            "何敏",
            "长期",
            "已完成",
            "",
        ],
        vec![
            "4",
            "便民服务事项公开不充分",
            "①更新便民服务指南;②在社区公众号公开办事流程",
            "林海",
            "服务站",
            "唐颖",
            "持续推进",
            "常态化推进",
            "",
        ],
        vec![
            "5",
            "居民矛盾纠纷调解不及时",
            "建立矛盾纠纷排查化解工作机制",
            "林海",
            "综治办",
            "唐颖",
            "常态化",
            "已完成",
            "",
        ],
        vec![
            "填报人:孙丽",
            "",
            "审核人:赵永红",
            "",
            "联系电话:0431-88889999",
            "",
            "",
            "",
            "",
        ],
    ];
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("samples");
    let sources = root.join("target").join("sample-sources");
    std::fs::create_dir_all(&samples)?;
    std::fs::create_dir_all(&sources)?;

    save(
        &samples.join("自强街道党工委巡察整改台账.xlsx"),
        &[subdistrict()],
        None,
    )?;
    let (q, q_old) = qingli();
    save(
        &samples.join("庆利社区整改台账.xlsx"),
        &[q, q_old],
        Some((
            "填表说明",
            &[
                "1. 每项整改措施单独一行,问题可合并单元格。",
                "2. 完成情况填写“已完成”“推进中”“未开始”或“长期坚持”。",
            ],
        )),
    )?;
    let (b, b_extra) = beian();
    save(
        &samples.join("北安社区整改台账.xlsx"),
        &[b, b_extra],
        Some(("统计", &["问题总数", "3"])),
    )?;
    // Written as xlsx here, converted to xls and ods by LibreOffice in regenerate.sh.
    save(&sources.join("自强社区整改台账.xlsx"), &[ziqiang()], None)?;
    save(
        &sources.join("重庆路南社区整改台账.xlsx"),
        &[chongqing_south()],
        None,
    )?;

    let csv = chongqing_north_csv();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&csv);
    std::fs::write(samples.join("重庆路北社区整改台账.csv"), &gbk)?;

    // Decoys a clerk's folder holds: an Excel lock file and a note. Neither is an input.
    std::fs::write(samples.join("~$庆利社区整改台账.xlsx"), b"\x0cclerk   ")?;
    std::fs::write(
        samples.join("说明.txt"),
        "本文件夹为 taizhang 的示例台账,由 samples/regenerate.sh 生成。\n",
    )?;
    println!("wrote samples to {}", samples.display());
    Ok(())
}
