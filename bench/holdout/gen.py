#!/usr/bin/env python3
"""Generate the holdout ledgers of files/ and their answers (answers.json).

Every ledger is written from a list of row dicts; the answers are computed from the same rows,
independently of how the file lays them out.  Status categories: done, long, prog, todo.
"""
import csv, datetime as dt, json, os, random, shutil, subprocess, sys
import openpyxl
from openpyxl.styles import Alignment, Font, Border, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
TMP = os.path.join(HERE, "tmp")
D = dt.date
R = random.Random(20240506)

SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["建国", "志强", "海燕", "丽娟", "晓东", "国庆", "红梅", "卫东", "文博", "少华", "俊杰", "秀英", "桂兰", "振华", "永刚",
         "春生", "雪梅", "立新", "明辉", "亚楠", "鹏飞", "金凤", "德胜", "玉霞", "宏伟", "小军", "佳怡", "思远", "晨阳", "瑞"]


def person():
    return R.choice(SURN) + R.choice(GIVEN)


def answers_for(rows, dates, unit_key="unit"):
    """rows: dicts with unit, cat (done/long/prog/todo), due (date or None for long-term)."""
    out = {}
    for r in rows:
        u = r[unit_key]
        out.setdefault(u, {d.isoformat(): dict(measures=0, measures_done=0, measures_long_term=0,
                                               measures_not_done=0, overdue=0) for d in dates})
        for d in dates:
            c = out[u][d.isoformat()]
            c["measures"] += 1
            if r["cat"] == "done":
                c["measures_done"] += 1
            elif r["cat"] == "long":
                c["measures_long_term"] += 1
            else:
                c["measures_not_done"] += 1
                if r["due"] is not None and r["due"] < d:
                    c["overdue"] += 1
    return out


ANSWERS = []


# ---------------------------------------------------------------------------------------------
# 1. 12345 hotline ticket export, CSV in GBK
# ---------------------------------------------------------------------------------------------
def gen_12345():
    export = dt.datetime(2024, 5, 6, 11, 42, 5)
    dates = [D(2024, 4, 1), D(2024, 5, 15)]
    xiaoqu = ["幸福里小区", "锦绣花园", "天和苑", "金桂苑", "阳光新城", "翠湖湾", "和平里小区", "光明小区", "紫荆苑",
              "铁路新村", "粮食局家属院", "龙湖名邸", "东方明珠小区", "电力家属院", "青年公寓"]
    roads = ["建设路", "人民路", "解放路", "中山路", "胜利街", "新华路", "文化路", "迎宾大道", "花园路", "工农路"]
    # (类型, 分类, 内容, 办结回复, 办理中回复, 时限天数)
    T = {
        "street": [
            ("投诉", "城乡建设>物业管理", "市民来电反映:{xq}{b}号楼楼道内长期堆放杂物(旧家具、纸箱),存在消防安全隐患,多次向物业反映未处理,希望相关部门督促清理。",
             "经核实,诉求属实。社区已联合物业公司于{d}对{xq}{b}号楼楼道堆物进行集中清理,共清理杂物约2车,并张贴《楼道禁止堆物告知书》。已电话回复诉求人,诉求人表示认可。",
             "社区已通知物业限期清理,物业公司计划于本周内完成,社区将跟进督促。", 7),
            ("投诉", "环境保护>噪声污染", "市民来电反映:{xq}南侧广场每晚19时至22时有人跳广场舞,音响声音过大,严重影响周边居民休息,希望尽快处理。",
             "经核实,社区网格员会同派出所民警于{d}晚到现场与广场舞队负责人沟通,已约定音量控制在60分贝以下、21时前结束,并发放便携式音量提示牌。已回复诉求人。",
             "社区正在与广场舞团队协调活动时间及音量,拟于近期召开居民协商会。", 7),
            ("求助", "城乡建设>市政设施", "市民来电反映:{xq}小区内{b}号楼至{b2}号楼之间的路灯已损坏半个多月,夜间出行不便,老人曾因此摔倒,希望尽快维修。",
             "经核实,该路灯属小区物业管理范围,街道已督促物业公司于{d}更换灯具3盏,现已恢复照明。已电话告知诉求人。",
             "已联系物业公司,物业已采购灯具,待到货后安排维修。", 7),
            ("投诉", "城乡建设>违法建设", "市民来电反映:{xq}{b}号楼一楼住户在自家院内私自搭建彩钢房,占用公共绿地,希望相关部门查处。",
             "经核实,该处搭建物属违法建设。街道综合执法队于{d}下达《限期拆除通知书》,当事人已于期限内自行拆除,绿地已恢复。已回复诉求人。",
             "街道综合执法队已现场核查并下达限期整改通知书,待整改期限届满后复查。", 15),
            ("求助", "城乡建设>环境卫生", "市民来电反映:{xq}东门垃圾收集点垃圾已连续三天未清运,气味难闻,蚊蝇滋生,希望尽快清运。",
             "接件后社区立即联系环卫所,已于{d}完成清运并对收集点进行消杀,同时要求保洁公司每日定时清运两次。已回复诉求人。",
             "已通知环卫所安排车辆清运,并协调增加清运频次。", 3),
            ("建议", "城乡建设>老旧小区改造", "市民来电建议:{xq}建成于上世纪九十年代,外墙脱落、管网老化,希望纳入今年老旧小区改造计划。",
             "经核实,{xq}已列入区2024年老旧小区改造储备项目,街道已将居民诉求报区住建局,待计划下达后组织实施。已向诉求人做好解释。",
             "街道正在汇总该小区居民改造意愿,拟报区住建局申请纳入改造计划。", 15),
            ("投诉", "社会管理>动物管理", "市民来电反映:{xq}周边有多只流浪犬聚集,经常追咬行人,小孩上学不安全,希望相关部门处理。",
             "经核实,社区已联系区犬类收容中心,于{d}捕捉流浪犬4只并送收容中心安置,同时在小区内张贴文明养犬宣传告示。已回复诉求人。",
             "社区已与犬类收容中心对接,约定近期到现场捕捉。", 7),
        ],
        "zjj": [
            ("投诉", "城乡建设>建筑施工", "市民来电反映:{road}与{road2}交叉口东北角建筑工地夜间23时后仍在施工,机械噪音很大,严重影响附近居民休息,希望查处。",
             "经核实,该工地为某房地产开发项目,未办理夜间施工许可。区住建局于{d}约谈施工单位负责人,责令停止夜间施工,并纳入重点巡查。已回复诉求人。",
             "区住建局已责令施工单位整改,正在组织夜间突击检查。", 7),
            ("求助", "城乡建设>房屋安全", "市民来电反映:{xq}{b}号楼顶层住户房屋漏雨,屋面防水层老化,找物业、开发商相互推诿,希望协调维修。",
             "经核实,该楼已过保修期。区住建局协调物业启动专项维修资金应急使用程序,已于{d}完成屋面防水维修。已回复诉求人。",
             "已协调物业公司申请维修资金应急使用,正在履行业主表决程序。", 15),
            ("投诉", "城乡建设>电梯安全", "市民来电反映:{xq}{b}号楼电梯近一个月频繁故障停运,曾发生困人,物业维修后仍然反复,希望彻底解决。",
             "经核实,区住建局会同市场监管部门于{d}对该电梯进行检查,督促维保单位更换曳引机制动器及门机控制板,现已运行正常。一是要求物业加强日常巡查;二是要求维保单位每半月保养一次。已回复诉求人。",
             "已督促维保单位排查故障原因,配件已订购,待到货后更换。", 10),
            ("咨询", "城乡建设>住房保障", "市民来电咨询:本人为外来务工人员,在本区工作满三年,想了解公租房申请条件及办理流程。",
             "已电话答复诉求人:符合条件的外来务工人员可携带身份证、劳动合同、社保缴纳证明到所在街道便民服务中心提出申请,具体条件详见区住建局官网公告。诉求人表示清楚。",
             "", 3),
            ("投诉", "城乡建设>房地产开发", "市民来电反映:购买的{xq}二期住房合同约定2023年12月交房,至今仍未交付,开发商无明确答复,希望相关部门督促。",
             "经核实,该项目因资金原因延期。区住建局已约谈开发企业,督促其制定复工计划,项目已于{d}复工,预计8月底前交付。已向诉求人做好解释。",
             "区住建局已约谈开发企业,要求其提交交付计划,正在跟进。", 15),
        ],
        "cgj": [
            ("投诉", "城市管理>占道经营", "市民来电反映:{road}菜市场门口每天早上有大量流动摊贩占道经营,造成交通拥堵,希望治理。",
             "经核实,区城管局已安排执法中队于{d}起每日早高峰定点值守,劝离流动摊贩并引导进入市场内经营,目前秩序明显好转。已回复诉求人。",
             "区城管局已安排执法队员加强巡查,正在研究设置临时疏导点。", 5),
            ("投诉", "城市管理>渣土运输", "市民来电反映:夜间有渣土车在{road}沿途遗撒泥土,白天尘土飞扬,希望查处。",
             "经核实,区城管局于{d}夜间开展渣土车专项整治,查处未密闭运输车辆2台,已责令所属运输公司清扫路面,并依法处罚。已回复诉求人。",
             "已安排夜间巡查,正在追查遗撒车辆所属单位。", 7),
            ("求助", "城市管理>市政设施", "市民来电反映:{road}{b}号门前人行道井盖缺失,已用树枝临时遮挡,存在安全隐患,希望尽快补装。",
             "接件后区城管局市政维修队于{d}到现场补装井盖并设置警示标志,已消除隐患。已回复诉求人。",
             "已通知市政维修队,已设置临时围挡,待确认井盖权属单位后补装。", 3),
            ("投诉", "环境保护>餐饮油烟", "市民来电反映:{road}{b}号楼底商烧烤店油烟直排,楼上住户无法开窗,希望处理。",
             "经核实,该烧烤店未安装油烟净化设施。区城管局于{d}下达责令改正通知书,商户已加装油烟净化器并改为高空排放。已回复诉求人。",
             "区城管局已下达责令改正通知书,商户正在采购油烟净化设备。", 10),
            ("建议", "城市管理>停车管理", "市民来电建议:{xq}周边停车位严重不足,车辆乱停乱放,希望在{road}增设夜间临时停车泊位。",
             "经研究,区城管局会同交警部门已于{d}在{road}施划夜间临时停车泊位42个,21时至次日7时免费停放。已回复诉求人。",
             "已会同交警部门进行现场踏勘,正在制定泊位施划方案。", 15),
        ],
        "scjg": [
            ("投诉", "市场监管>预付卡消费", "市民来电反映:在{road}一家健身房办理年卡3800元,现健身房关门停业,无法联系负责人,要求退费。",
             "经核实,区市场监管局已约谈该健身房经营者,经调解,经营者同意按剩余期限退还费用2150元,已于{d}退款到账。已回复诉求人。",
             "区市场监管局已立案调查,正在联系经营者协商退费事宜。", 7),
            ("举报", "市场监管>食品安全", "市民来电举报:在{road}某超市购买的面包已超过保质期两天,仍在货架上销售,要求查处。",
             "经核实,执法人员于{d}对该超市进行现场检查,发现超过保质期食品3批次,已依法立案查处,并责令超市下架销毁。已回复诉求人。",
             "执法人员已现场检查并封存涉事食品,案件正在调查中。", 7),
            ("投诉", "市场监管>价格监管", "市民来电反映:{road}某水果店标价与结算价格不一致,存在价格欺诈行为,希望查处。",
             "经核实,该店存在标价不规范问题,区市场监管局已于{d}责令改正并予以警告,已督促其规范明码标价。已回复诉求人。",
             "已安排执法人员现场核查,正在调取收银记录。", 7),
            ("投诉", "市场监管>网络交易", "市民来电反映:在本区一网店购买的家电存在质量问题,商家拒绝七天无理由退货,希望协调。",
             "经调解,商家同意办理退货退款,诉求人已于{d}收到退款。已回复诉求人,诉求人表示满意。",
             "已联系网店经营者,正在组织双方调解。", 7),
            ("举报", "市场监管>无证经营", "市民来电举报:{xq}{b}号楼一居民房内开设无证小作坊加工熟食对外销售,卫生条件差,要求查处。",
             "经核实,执法人员于{d}会同社区对该处进行检查,确认存在无证生产加工行为,已依法取缔并没收加工工具。已回复诉求人。",
             "执法人员已现场核查,正在会同社区调查取证。", 10),
        ],
    }
    units = [("城关街道办事处", "street", 16), ("东关街道办事处", "street", 14), ("西湖街道办事处", "street", 12),
             ("区住房和城乡建设局", "zjj", 13), ("区城市管理局", "cgj", 15), ("区市场监督管理局", "scjg", 14)]
    rows = []
    for unit, kind, n in units:
        for i in range(n):
            tpl = R.choice(T[kind])
            if tpl[3] == "" and False:
                pass
            # received time: spread over March-April 2024
            day = D(2024, 3, 1) + dt.timedelta(days=R.randrange(0, 66))
            recv = dt.datetime(day.year, day.month, day.day, R.randrange(8, 21), R.randrange(60), R.randrange(60))
            rows.append(dict(unit=unit, kind=kind, tpl=tpl, recv=recv))
    rows.sort(key=lambda r: r["recv"])
    channels = ["电话", "电话", "电话", "电话", "微信公众号", "网站", "市长信箱", "APP"]
    # statuses by age at export time
    out = []
    for k, r in enumerate(rows):
        typ, cls, content, reply_done, reply_prog, days = r["tpl"]
        recv = r["recv"]
        dispatch = recv + dt.timedelta(minutes=R.randrange(20, 240))
        deadline = dt.datetime.combine((dispatch + dt.timedelta(days=days)).date(), dt.time(18, 0, 0))
        age = (export - recv).days
        if typ == "咨询":
            status = R.choice(["已回访", "已办结"]) if age > 3 else "办理中"
        elif age > 35:
            status = R.choices(["已回访", "已办结", "退回重办", "延期审核中", "办理中"], [70, 12, 6, 6, 6])[0]
        elif age > 14:
            status = R.choices(["已回访", "已办结", "办理中", "退回重办", "延期审核中"], [40, 25, 20, 8, 7])[0]
        elif age > 5:
            status = R.choices(["已办结", "办理中", "待办理", "已回访", "延期审核中"], [30, 35, 15, 15, 5])[0]
        else:
            status = R.choices(["待签收", "待办理", "办理中", "已办结"], [30, 30, 30, 10])[0]
        xq, b, b2 = R.choice(xiaoqu), R.randrange(1, 25), R.randrange(1, 25)
        road, road2 = R.sample(roads, 2)
        fmt = dict(xq=xq, b=b, b2=b2, road=road, road2=road2)
        done_at = None
        if status in ("已回访", "已办结"):
            span = max(1, min(days + (R.randrange(-2, 6) if R.random() < 0.25 else -R.randrange(0, days)), age - 1))
            dd = (dispatch + dt.timedelta(days=span)).date()
            done_at = dt.datetime(dd.year, dd.month, dd.day, R.randrange(8, 18), R.randrange(60), R.randrange(60))
            if done_at > export:
                done_at = export - dt.timedelta(hours=3)
            fmt["d"] = f"{done_at.month}月{done_at.day}日"
            reply = reply_done.format(**fmt)
        elif status in ("办理中", "延期审核中"):
            reply = reply_prog.format(**fmt) if reply_prog else "正在办理。"
            if status == "延期审核中":
                reply += "因需协调多个部门,申请延期至" + (deadline + dt.timedelta(days=15)).strftime("%Y-%m-%d") + "。"
        elif status == "退回重办":
            reply = "市12345中心审核意见:答复内容与诉求不符,未说明具体处理措施及时间,退回重新办理。"
        else:
            reply = ""
        if status == "已回访":
            sat = R.choices(["满意", "基本满意", "不满意"], [70, 22, 8])[0]
        elif status == "已办结":
            sat = "未回访"
        else:
            sat = ""
        late = (done_at > deadline) if done_at else (export > deadline)
        name = R.choice(SURN) + "**" if R.random() < 0.85 else "匿名"
        phone = R.choice(["138", "139", "135", "186", "152", "177", "133"]) + "****" + f"{R.randrange(10000):04d}"
        cat = {"已回访": "done", "已办结": "done"}.get(status, "todo" if status in ("待签收", "待办理") else "prog")
        out.append(dict(
            unit=r["unit"], cat=cat, due=deadline.date(),
            cells=[str(k + 1), f"{recv:%y%m%d}{R.randrange(10**6, 10**7 - 1)}", f"{recv:%Y-%m-%d %H:%M:%S}",
                   R.choice(channels), name, phone, typ, cls, content.format(**fmt),
                   f"{xq}{b}号楼" if "{xq}" in content else f"{road}{b}号附近",
                   r["unit"], f"{dispatch:%Y-%m-%d %H:%M:%S}", f"{deadline:%Y-%m-%d %H:%M:%S}", status,
                   f"{done_at:%Y-%m-%d %H:%M:%S}" if done_at else "", reply, sat, "是" if late else "否"]))
    header = ["序号", "工单编号", "受理时间", "诉求渠道", "诉求人", "联系电话", "诉求类型", "诉求分类", "诉求内容", "诉求地址",
              "承办单位", "派单时间", "办理时限", "办理状态", "办结时间", "办理结果", "满意度", "是否超期"]
    fn = "区12345热线工单明细_20240506.csv"
    with open(os.path.join(OUT, fn), "w", encoding="gbk", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for r in out:
            w.writerow(r["cells"])
    col = lambda h: get_column_letter(header.index(h) + 1)
    ANSWERS.append(dict(
        file=fn, kind="12345 hotline ticket export, CSV GBK", producer="区12345政务服务便民热线系统",
        as_of=[d.isoformat() for d in dates],
        sheets={fn.rsplit(".", 1)[0]: dict(header_row=1, data_rows=len(out), columns=dict(
            problem=col("诉求内容"), measure=col("办理结果"), deadline=col("办理时限"), status=col("办理状态"),
            unit=col("承办单位"), person=None, department=col("承办单位"), completed_on=col("办结时间")))},
        status_map={"已回访": "done", "已办结": "done", "办理中": "in progress", "退回重办": "in progress (returned)",
                    "延期审核中": "in progress (extension pending)", "待签收": "not started", "待办理": "not started"},
        notes="one ticket = one problem = one measure (the reply narrative may enumerate 一是…二是…, still one ticket); "
              "是否超期 is the system's lateness flag at export time, not a status; 满意度 is not a status",
        units=answers_for(out, dates), unit_sheets={u: [fn.rsplit(".", 1)[0]] for u in {r["unit"] for r in out}}))
    return out


# ---------------------------------------------------------------------------------------------
# 2. 供电段 hazard-management-system export, xlsx
# ---------------------------------------------------------------------------------------------
def gen_gongdian():
    dates = [D(2024, 4, 15), D(2024, 6, 15)]
    export = D(2024, 5, 20)
    duan = "临汾供电段"
    shops = {
        "临汾供电车间": ["临汾接触网工区", "洪洞接触网工区", "临汾北牵引变电所"],
        "霍州供电车间": ["霍州接触网工区", "灵石接触网工区", "霍州牵引变电所"],
        "侯马北供电车间": ["侯马北接触网工区", "曲沃接触网工区", "侯马北牵引变电所"],
        "临汾西高铁供电车间": ["临汾西接触网工区", "洪洞西接触网工区", "霍州东变电所"],
        "检修车间": ["接触网检修工区", "变电检修工区", "高压试验工区"],
        "电力车间": ["临汾电力工区", "侯马电力工区", "霍州电力工区"],
    }
    lines = {"临汾供电车间": ("南同蒲线", ["洪洞站", "赵城站", "临汾站", "临汾南站", "襄汾站"]),
             "霍州供电车间": ("南同蒲线", ["霍州站", "辛置站", "灵石站", "南关站", "两渡站"]),
             "侯马北供电车间": ("侯月线", ["侯马北站", "曲沃站", "高显站", "东阳站"]),
             "临汾西高铁供电车间": ("大西高铁", ["临汾西站", "洪洞西站", "霍州东站", "灵石东站"])}
    H = {
        "catenary": [
            ("吊弦线夹松动,吊弦偏移超出标准值", "一般隐患", "设备隐患", "利用天窗点更换吊弦线夹并复测调整吊弦偏移", 15),
            ("定位器坡度超标,实测1:4.5,标准值1:5~1:10", "一般隐患", "设备隐患", "天窗点内调整定位器坡度,复测拉出值及导高", 15),
            ("承力索局部断股2股,断股长度约30mm", "较大隐患", "设备隐患", "加装补强线夹,列入大修计划更换承力索", 30),
            ("棒式绝缘子表面有放电痕迹,伞裙破损", "一般隐患", "设备隐患", "更换棒式绝缘子,对同锚段绝缘子进行排查", 15),
            ("补偿装置b值偏小,实测200mm,低于温度曲线要求", "一般隐患", "设备隐患", "调整补偿装置a、b值至温度曲线范围", 10),
            ("支柱基础周边土体冲刷,基础外露", "较大隐患", "设备隐患", "对支柱基础进行培土夯实并砌筑护坡", 45),
            ("线路旁树木生长侵入安全距离,距带电体不足2m", "一般隐患", "环境隐患", "联系产权单位砍伐修剪侵限树木", 10),
            ("附近大棚塑料薄膜固定不牢,大风天气存在飘挂接触网风险", "一般隐患", "环境隐患", "约谈大棚户主加固棚膜,签订安全协议并纳入重点巡视", 7),
            ("隔离开关操作机构卡滞,分合闸困难", "一般隐患", "设备隐患", "对操作机构除锈注油,必要时更换操作机构", 15),
            ("隧道口腕臂底座锈蚀,螺栓锈死", "一般隐患", "设备隐患", "更换腕臂底座及螺栓,做防腐处理", 30),
        ],
        "substation": [
            ("1#主变油枕油位偏低,低于油位计下限", "一般隐患", "设备隐患", "申请停电计划补充变压器油并检查渗漏点", 15),
            ("211断路器SF6气体压力告警,压力值0.52MPa", "较大隐患", "设备隐患", "检漏并补气,必要时更换密封件", 7),
            ("直流屏蓄电池组3节单体内阻超标", "一般隐患", "设备隐患", "更换内阻超标的蓄电池单体,对整组进行核对性放电", 30),
            ("所内灭火器4具压力不足,已过检验期", "一般隐患", "消防隐患", "更换过期灭火器并建立消防器材检查台账", 7),
            ("电缆沟盖板破损3块,存在人员踩空风险", "一般隐患", "作业环境隐患", "更换破损盖板并设置警示标识", 15),
            ("27.5kV避雷器泄漏电流偏大,较上次测试增长30%", "一般隐患", "设备隐患", "缩短监测周期,安排停电试验,超标时更换", 30),
        ],
        "power": [
            ("10kV贯通线路第47号杆塔倾斜约5度", "较大隐患", "设备隐患", "对杆塔进行扶正并加装拉线,夯实基础", 30),
            ("箱式变电站门锁损坏,无法正常闭锁", "一般隐患", "设备隐患", "更换箱变门锁并加装防盗锁", 7),
            ("电缆终端头标识牌缺失,相色不清", "一般隐患", "管理隐患", "补装电缆标识牌,完善相色标志", 15),
            ("信号机械室电源箱接地电阻超标,实测6.8Ω", "一般隐患", "设备隐患", "增设接地极,降低接地电阻至4Ω以下", 30),
            ("车站站台照明灯具损坏5盏", "一般隐患", "设备隐患", "更换损坏灯具", 10),
        ],
        "repair": [
            ("接触网作业车液压系统渗油", "一般隐患", "设备隐患", "更换液压系统密封圈,作业前加强检查", 15),
            ("绝缘电阻测试仪超期未检定", "一般隐患", "管理隐患", "送检并建立仪器仪表周期检定台账", 10),
            ("工具库房安全警示标识缺失,消防通道堆放物品", "一般隐患", "管理隐患", "补设警示标识,清理消防通道", 7),
            ("高压试验设备接地线外皮破损", "一般隐患", "设备隐患", "更换接地线,试验前执行检查确认制度", 7),
            ("作业车司机安全培训记录不全", "一般隐患", "管理隐患", "组织补训并完善培训档案", 15),
        ],
    }
    kind = {"临汾供电车间": "mix", "霍州供电车间": "mix", "侯马北供电车间": "mix", "临汾西高铁供电车间": "mix",
            "检修车间": "repair", "电力车间": "power"}
    counts = {"临汾供电车间": 18, "霍州供电车间": 17, "侯马北供电车间": 15, "临汾西高铁供电车间": 14, "检修车间": 12, "电力车间": 14}
    raw = []
    for shop, n in counts.items():
        for i in range(n):
            area = R.choice(shops[shop])
            if kind[shop] == "mix":
                pool = "substation" if "变电所" in area else "catenary"
            else:
                pool = kind[shop]
            h = R.choice(H[pool])
            found = D(2024, 1, 3) + dt.timedelta(days=R.randrange(0, 135))
            raw.append(dict(shop=shop, area=area, pool=pool, h=h, found=found))
    raw.sort(key=lambda r: (r["found"], r["shop"]))
    out = []
    long_left = 5
    for k, r in enumerate(raw):
        desc, level, typ, measure, days = r["h"]
        found = r["found"]
        due = found + dt.timedelta(days=days + (15 if level == "较大隐患" else 0))
        age = (export - found).days
        if r["pool"] == "catenary" and r["shop"] in lines:
            line, stations = lines[r["shop"]]
            a, b = R.sample(stations, 2)
            km = f"K{R.randrange(100, 700)}+{R.randrange(0, 1000):03d}"
            place = f"{line}{a}至{b}区间{km}" if R.random() < 0.8 else f"{line}{a}站场{R.randrange(1, 60)}#支柱"
        elif r["pool"] == "power":
            place = R.choice(["南同蒲线", "侯月线"]) + R.choice(["洪洞站", "临汾站", "侯马北站", "霍州站", "襄汾站"]) + R.choice(["10kV配电所", "贯通线路", "信号电源箱变", "站台"])
        else:
            place = r["area"] if "变电所" in r["area"] else r["area"] + R.choice(["库房", "作业车库", "试验室", "值班室"])
        status = None
        # long-term control for hard hazards
        if long_left and level == "较大隐患" and "基础" in desc or (long_left and "隧道" in desc and R.random() < 0.5):
            status = "长期管控"
            long_left -= 1
        elif age > 90:
            status = R.choices(["已销号", "待验收", "整改中"], [80, 8, 12])[0]
        elif age > 45:
            status = R.choices(["已销号", "待验收", "整改中", "待整改"], [55, 15, 22, 8])[0]
        elif age > 15:
            status = R.choices(["已销号", "待验收", "整改中", "待整改"], [30, 20, 30, 20])[0]
        else:
            status = R.choices(["已销号", "待验收", "整改中", "待整改"], [10, 15, 35, 40])[0]
        fix = found + dt.timedelta(days=max(1, min(days - R.randrange(0, days), age - 2)))
        if fix > export:
            fix = export - dt.timedelta(days=1)
        f = f"{fix.month}月{fix.day}日"
        prog = {
            "已销号": [f"已于{f}天窗点内整改完毕,经车间技术员复查合格,予以销号。",
                    f"{f}完成整改,工区自检合格,车间验收合格后销号。",
                    f"已按措施完成整改({f}),整改前后照片已上传系统,经段安全科抽查合格销号。"],
            "待验收": [f"已于{f}完成整改,各项参数复测符合标准,已提交车间验收。",
                    f"{f}已整改完成,整改照片已上传,等待车间技术科验收。"],
            "整改中": [f"{f}天窗点已完成部分处理,剩余部分计划于下一个天窗点处理。",
                    "所需材料已申报,预计月底到货,到货后立即安排处理。",
                    f"已制定整改方案,{f}起组织实施,目前完成约60%。",
                    "已向段调度申请停电计划,待批复后实施。"],
            "待整改": ["已列入下月天窗修计划,待天窗点批复后实施。",
                    "已通知责任工区,工区正在核实现场情况、准备材料。",
                    "隐患已录入,等待责任部门确认。"],
            "长期管控": ["该处需结合2024年大修项目统一整治,现已纳入车间重点管控,增加巡视频次至每周一次,长期跟踪监测。",
                      "已采取临时加固措施,彻底整治需列入大修计划,目前纳入长期管控,每月复测一次。"],
        }[status]
        cat = {"已销号": "done", "长期管控": "long", "待整改": "todo"}.get(status, "prog")
        out.append(dict(unit=r["shop"], cat=cat, due=None if cat == "long" else due,
                        cells=[k + 1, f"LFGD-YH-2024-{k + 1:04d}", found, person(), place, desc, level, typ, measure,
                               f"{duan} > {r['shop']} > {r['area']}", person(), due, status, R.choice(prog),
                               person() if status == "已销号" else None, fix if status == "已销号" else None]))
    header = ["序号", "隐患编号", "发现日期", "发现人", "隐患地点", "隐患描述", "隐患等级", "隐患类别", "整改措施", "责任部门",
              "责任人", "整改期限", "整改状态", "整改进展", "验收人", "销号日期"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "隐患台账"
    ws.cell(1, 1, f"{duan}安全隐患排查治理台账(导出时间:2024-05-20 09:47:13)")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    for j, h in enumerate(header, 1):
        c = ws.cell(2, j, h)
        c.font = Font(bold=True)
    for i, r in enumerate(out, 3):
        for j, v in enumerate(r["cells"], 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dt.date):
                c.number_format = "yyyy-mm-dd"
    for j, w in enumerate([6, 20, 12, 8, 30, 40, 10, 12, 36, 44, 8, 12, 10, 50, 8, 12], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{len(out) + 2}"
    fn = "临汾供电段隐患台账导出20240520.xlsx"
    wb.save(os.path.join(OUT, fn))
    col = lambda h: get_column_letter(header.index(h) + 1)
    ANSWERS.append(dict(
        file=fn, kind="hazard-management-system export, xlsx", producer="供电段安全隐患排查治理信息系统",
        as_of=[d.isoformat() for d in dates],
        sheets={"隐患台账": dict(header_row=2, data_rows=len(out), columns=dict(
            problem=col("隐患描述"), measure=col("整改措施"), deadline=col("整改期限"), status=col("整改状态"),
            unit=col("责任部门") + " (车间, the middle level of the path)", person=col("责任人"),
            department=col("责任部门"), completed_on=col("销号日期")))},
        status_map={"已销号": "done", "长期管控": "long-term", "整改中": "in progress", "待验收": "not done (review pending)",
                    "待整改": "not started"},
        notes="one hazard row = one measure; 整改进展 is narrative beside the state (待验收 rows say 已…完成整改); "
              "units are the 车间 of 责任部门 paths 'XX供电段 > 车间 > 工区'",
        units=answers_for(out, dates), unit_sheets={u: ["隐患台账"] for u in counts}))
    return out


# ---------------------------------------------------------------------------------------------
# 3. 督办 list from an OA system, .xls
# ---------------------------------------------------------------------------------------------
def gen_duban():
    dates = [D(2024, 5, 15), D(2024, 12, 31)]
    items = [
        # 牵头, 配合, 事项, 类型, 分管, long?
        ("区发改委", "区财政局、区自然资源局", "推进城东片区综合开发项目前期工作,完成项目可行性研究报告编制及评审", "区委常委会议定事项"),
        ("区发改委", "区工信局", "做好2024年度重点项目谋划储备,新谋划储备项目不少于50个", "区政府常务会议定事项"),
        ("区发改委", "区统计局", "加强固定资产投资运行监测,按月分析投资完成情况并提出对策建议", "区政府常务会议定事项"),
        ("区发改委", "区财政局", "争取中央预算内投资及超长期特别国债项目资金,完成项目申报", "领导批示事项"),
        ("区发改委", "", "开展全区粮食安全党政同责考核迎检准备工作", "区长办公会议定事项"),
        ("区发改委", "区市场监管局", "落实稳价保供措施,做好节日期间重要民生商品价格监测", "区政府常务会议定事项"),
        ("区财政局", "区国资办", "完成区属国有企业债务风险排查,制定分类化解方案", "区委常委会议定事项"),
        ("区财政局", "各街道办事处", "推进预算绩效管理全覆盖,完成2023年度项目支出绩效自评", "区政府常务会议定事项"),
        ("区财政局", "区审计局", "落实过紧日子要求,压减一般性支出不低于10%", "区委常委会议定事项"),
        ("区财政局", "", "做好政府专项债券项目储备及发行准备工作", "领导批示事项"),
        ("区财政局", "区税务局", "加强财源建设,建立重点税源企业联系制度", "区长办公会议定事项"),
        ("区住建局", "区发改委、区财政局、各街道办事处", "推进2024年老旧小区改造工程,完成32个小区改造开工", "区委常委会议定事项"),
        ("区住建局", "区城管局", "开展建筑工地扬尘专项整治,落实\"六个百分之百\"防尘措施", "区政府常务会议定事项"),
        ("区住建局", "", "推进保交楼专项工作,督促问题楼盘按期交付", "领导批示事项"),
        ("区住建局", "区消防救援大队", "开展高层住宅消防设施专项排查整治", "区长办公会议定事项"),
        ("区住建局", "区市场监管局", "开展既有住宅电梯安全隐患排查,建立问题清单", "人大代表建议"),
        ("区住建局", "区自然资源局", "推进城中村改造项目征收补偿方案编制", "区委常委会议定事项"),
        ("区教育局", "区发改委、区自然资源局", "推进区第三实验小学新建工程,确保秋季学期投入使用", "区委常委会议定事项"),
        ("区教育局", "区财政局", "落实课后服务经费保障,实现义务教育学校课后服务全覆盖", "区政府常务会议定事项"),
        ("区教育局", "区公安分局", "开展校园及周边安全隐患排查整治", "区长办公会议定事项"),
        ("区教育局", "", "化解城区学校大班额问题,消除56人以上大班额", "政协委员提案"),
        ("区教育局", "区卫健委", "加强学生近视防控,开展中小学生视力筛查", "人大代表建议"),
        ("区卫健委", "区医保局", "推进紧密型县域医共体建设,完成医共体内人财物统一管理", "区委常委会议定事项"),
        ("区卫健委", "各街道办事处", "做好家庭医生签约服务,重点人群签约率达到75%以上", "区政府常务会议定事项"),
        ("区卫健委", "", "推进区中医院门诊综合楼建设项目", "领导批示事项"),
        ("区卫健委", "区财政局", "完成社区卫生服务中心标准化建设改造5处", "人大代表建议"),
        ("区卫健委", "区市场监管局", "加强医疗机构安全生产和消防安全监管", "区长办公会议定事项"),
        ("区交通运输局", "区公安分局交警大队", "实施城区公交线网优化调整,新开通公交线路3条", "区委常委会议定事项"),
        ("区交通运输局", "区财政局", "推进农村公路提质改造工程,完成改造里程45公里", "区政府常务会议定事项"),
        ("区交通运输局", "", "开展道路运输安全生产专项整治", "区长办公会议定事项"),
        ("区交通运输局", "区住建局", "解决学校周边上下学时段交通拥堵问题", "人大代表建议"),
        ("区交通运输局", "区城管局", "规范网约车及出租车营运秩序", "政协委员提案"),
        ("区农业农村局", "区财政局", "完成高标准农田建设任务2.5万亩", "区委常委会议定事项"),
        ("区农业农村局", "各乡镇", "推进农村人居环境整治提升,开展村庄清洁行动", "区政府常务会议定事项"),
        ("区农业农村局", "", "巩固拓展脱贫攻坚成果,落实防止返贫动态监测帮扶机制", "区委常委会议定事项"),
        ("区农业农村局", "区供销社", "做好春耕备耕农资保供工作", "区长办公会议定事项"),
        ("区农业农村局", "区水利局", "推进农村供水保障工程建设", "人大代表建议"),
    ]
    # long-term (常态化推进) items: index list
    long_items = {2, 5, 19, 23, 26, 29, 33, 34}
    out = []
    leaders = {"区发改委": "王副区长", "区财政局": "王副区长", "区住建局": "李副区长", "区教育局": "赵副区长",
               "区卫健委": "赵副区长", "区交通运输局": "李副区长", "区农业农村局": "刘副区长"}
    for k, (lead, help_, task, src) in enumerate(items):
        assigned = D(2024, 1, 8) + dt.timedelta(days=R.randrange(0, 100))
        if k in long_items:
            status = "常态化推进"
            due_txt, due = "长期", None
        else:
            due = R.choice([D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31), D(2024, 6, 30), D(2024, 9, 30),
                            D(2024, 10, 31), D(2024, 12, 31), D(2024, 12, 31), D(2025, 3, 31)])
            while due <= assigned + dt.timedelta(days=20):
                due = due.replace(year=due.year + 1) if due.month == 12 else D(due.year, due.month + 1, 28)
            style = R.randrange(4)
            if style == 0:
                due_txt = f"{due:%Y-%m-%d}"
            elif style == 1:
                due_txt = f"{due.year}年{due.month}月底前"
                # end of month
                nm = D(due.year + (due.month == 12), due.month % 12 + 1, 1)
                due = nm - dt.timedelta(days=1)
            elif style == 2:
                due_txt = f"{due.year}年{due.month}月{due.day}日"
            else:
                due_txt = f"{due.year}年{due.month}月{due.day}日前"
            export = D(2024, 5, 10)
            if due < export:
                status = R.choices(["已办结", "申请延期", "正在办理"], [60, 25, 15])[0]
            else:
                status = R.choices(["已办结", "正在办理", "未启动"], [20, 65, 15])[0]
        a1 = assigned + dt.timedelta(days=R.randrange(10, 30))
        a2 = a1 + dt.timedelta(days=R.randrange(15, 40))
        if a2 > D(2024, 5, 9):
            a2 = D(2024, 5, 9)
        if a1 >= a2:
            a1 = a2 - dt.timedelta(days=7)
        prog = {
            "已办结": f"{a2.month}月{a2.day}日:已完成。{task[:12]}……各项工作已按期完成,相关材料已报区督查室备案。\n"
                   f"{a1.month}月{a1.day}日:已制定工作方案,明确责任股室和时间节点,正在推进。",
            "正在办理": f"{a2.month}月{a2.day}日:按计划推进,已完成阶段性任务约{R.choice([30, 40, 50, 60, 70])}%,下一步将加快进度,确保按期完成。\n"
                    f"{a1.month}月{a1.day}日:已召开专题会议研究部署,制定推进计划。",
            "未启动": f"{a2.month}月{a2.day}日:正在与配合单位对接,工作方案待区分管领导审定后启动实施。",
            "申请延期": f"{a2.month}月{a2.day}日:因{R.choice(['上级审批尚未完成', '资金尚未到位', '涉及征地拆迁,协调难度大', '施工受天气影响'])},未能按期完成,已书面申请延期。\n"
                    f"{a1.month}月{a1.day}日:已启动相关工作,正在推进。",
            "常态化推进": f"{a2.month}月{a2.day}日:已建立常态化工作机制,按月调度推进,本月{R.choice(['完成监测分析报告1期', '开展专项检查2次', '召开调度会1次', '开展集中行动3次'])}。\n"
                     f"{a1.month}月{a1.day}日:已制定实施方案并印发执行。",
        }[status]
        unit_cell = f"牵头单位:{lead}" + (f";配合单位:{help_}" if help_ else "")
        note = "延期申请待区督查室审核" if status == "申请延期" else ""
        cat = {"已办结": "done", "常态化推进": "long", "未启动": "todo"}.get(status, "prog")
        out.append(dict(unit=lead, cat=cat, due=due,
                        cells=[k + 1, f"DB2024-{k + 1:03d}", task, src, f"{assigned:%Y-%m-%d}", due_txt, unit_cell,
                               leaders[lead], prog, status, note]))
    R.shuffle(out)
    out.sort(key=lambda r: r["cells"][4])
    for i, r in enumerate(out):
        r["cells"][0] = i + 1
    header = ["序号", "督办编号", "督办事项", "事项来源", "交办时间", "办理时限", "责任单位", "分管区领导", "办理进度", "办结情况", "备注"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "督办事项"
    ws.cell(1, 1, "督办事项查询结果(共%d条)" % len(out))
    for j, h in enumerate(header, 1):
        ws.cell(2, j, h).font = Font(bold=True)
    for i, r in enumerate(out, 3):
        for j, v in enumerate(r["cells"], 1):
            c = ws.cell(i, j, v)
            c.alignment = Alignment(wrap_text=True, vertical="top")
    for j, w in enumerate([6, 12, 40, 18, 12, 16, 36, 12, 60, 12, 20], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    stem = "督办事项台账(OA导出)"
    x = os.path.join(TMP, stem + ".xlsx")
    wb.save(x)
    fn = stem + ".xlsx"
    if shutil.which("soffice"):
        r = subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(TMP, "lo"), "--headless", "--convert-to", "xls", "--outdir", OUT, x],
                           capture_output=True, text=True, timeout=300)
        if os.path.exists(os.path.join(OUT, stem + ".xls")):
            fn = stem + ".xls"
        else:
            print("soffice failed:", r.stdout, r.stderr, file=sys.stderr)
    if fn.endswith(".xlsx"):
        shutil.copy(x, os.path.join(OUT, fn))
    col = lambda h: get_column_letter(header.index(h) + 1)
    ANSWERS.append(dict(
        file=fn, kind="督办 list exported from an OA system, xls", producer="区政府督查室OA督查督办系统",
        as_of=[d.isoformat() for d in dates],
        sheets={"督办事项": dict(header_row=2, data_rows=len(out), columns=dict(
            problem=col("督办事项"), measure=col("督办事项") + " (one task = one item; " + col("办理进度") + " is progress narrative)",
            deadline=col("办理时限"), status=col("办结情况"), unit=col("责任单位") + " (牵头单位 part)", person=col("分管区领导"),
            department=col("责任单位")))},
        status_map={"已办结": "done", "常态化推进": "long-term", "正在办理": "in progress",
                    "申请延期": "in progress (extension requested, not done)", "未启动": "not started"},
        notes="unit = 牵头单位 in '牵头单位:X;配合单位:Y、Z'; 办理进度 holds dated log lines, newest first; "
              "long-term items have 办理时限 '长期' and 办结情况 '常态化推进'",
        units=answers_for(out, dates), unit_sheets={u: ["督办事项"] for u in leaders}))
    return out


# ---------------------------------------------------------------------------------------------
# 4. Factory hazard register: 总台账 + 1月/2月/3月, two-row header, column numbers, footer, .ods
# ---------------------------------------------------------------------------------------------
def gen_factory():
    dates = [D(2024, 3, 10), D(2024, 4, 10)]
    snap = D(2024, 4, 3)
    company = "淄博恒信化工有限公司"
    H = {
        "合成车间": [("合成釜区域", "2#合成釜温度联锁旁路未恢复", "重大隐患", "立即恢复联锁投用,严格执行联锁摘除审批制度"),
                 ("合成车间一楼", "反应釜底阀法兰处有物料渗漏", "一般隐患", "更换法兰垫片,加强巡检"),
                 ("合成釜操作平台", "操作平台护栏高度不足1.05m", "一般隐患", "加高护栏至1.2m并增设踢脚板"),
                 ("合成车间配电室", "配电室门口未设置挡鼠板", "一般隐患", "加装不低于50cm的挡鼠板"),
                 ("合成车间", "岗位操作规程未及时修订,与现行工艺不符", "一般隐患", "组织修订操作规程并培训考核"),
                 ("合成车间二楼", "可燃气体报警器3台未按期检定", "一般隐患", "送检报警器,建立检定台账")],
        "精馏车间": [("精馏塔区", "精馏塔顶安全阀铅封缺失", "一般隐患", "重新校验安全阀并加铅封"),
                 ("精馏车间泵房", "输送泵联轴器防护罩缺失", "一般隐患", "加装联轴器防护罩"),
                 ("精馏塔区", "塔顶冷凝器循环水管线腐蚀严重", "一般隐患", "更换腐蚀管段,做防腐处理"),
                 ("精馏车间", "静电接地跨接线断开2处", "一般隐患", "恢复跨接线,全面排查静电接地"),
                 ("精馏车间控制室", "DCS报警记录未按规定分析处置", "一般隐患", "完善报警管理制度,每班分析报警记录")],
        "包装车间": [("包装车间", "包装机安全光栅失效", "一般隐患", "维修安全光栅,班前点检"),
                 ("成品暂存区", "成品堆垛超高,超过2m", "一般隐患", "降低堆垛高度,划定堆放线"),
                 ("包装车间", "叉车司机无证驾驶", "一般隐患", "停止无证人员作业,组织取证培训"),
                 ("包装车间", "员工未按规定佩戴防尘口罩", "一般隐患", "加强劳保用品佩戴检查,纳入考核")],
        "储运部": [("甲类罐区", "罐区防火堤内有积水,排水阀常开", "一般隐患", "排除积水,排水阀改为常闭并挂牌"),
                ("甲类罐区", "储罐液位计与远传数据偏差大", "一般隐患", "校验液位计,比对远传数据"),
                ("装卸栈台", "装卸车静电接地报警器损坏", "一般隐患", "更换静电接地报警器"),
                ("危化品仓库", "仓库内物料混存,禁忌物料未分隔", "重大隐患", "立即分区存放,设置隔离,完善仓库管理制度"),
                ("装卸栈台", "装卸作业未执行双人确认", "一般隐患", "完善装卸作业规程,加强现场监督")],
        "设备动力部": [("空压站", "储气罐压力表超期未检定", "一般隐患", "更换检定合格的压力表"),
                  ("锅炉房", "锅炉水位计玻璃管模糊不清", "一般隐患", "清洗或更换水位计玻璃管"),
                  ("全厂", "特种设备定期检验计划未落实", "一般隐患", "编制特种设备检验计划并按期报检"),
                  ("变配电所", "绝缘工器具超期未试验", "一般隐患", "送检绝缘工器具,建立试验台账"),
                  ("循环水站", "循环水泵房应急照明失效", "一般隐患", "更换应急照明灯具")],
        "综合管理部": [("办公楼", "办公楼消防通道堆放杂物", "一般隐患", "清理消防通道,落实日常检查"),
                  ("职工食堂", "食堂液化气瓶间未安装可燃气体报警器", "一般隐患", "安装可燃气体报警器并与排风联动"),
                  ("厂区道路", "厂区道路限速标识缺失", "一般隐患", "补设限速标识及减速带"),
                  ("门卫室", "外来人员入厂安全告知记录不全", "一般隐患", "完善入厂安全告知及登记制度")],
    }
    types = ["日常检查", "综合检查", "专项检查", "季节性检查", "节假日前检查"]
    plan = {1: 16, 2: 14, 3: 17}
    rows = []
    for m, n in plan.items():
        for i in range(n):
            dept = R.choice(list(H))
            place, desc, level, measure = R.choice(H[dept])
            last = (D(2024, m + 1, 1) - dt.timedelta(days=1)).day
            day = D(2024, m, R.randrange(2, last + 1))
            rows.append(dict(dept=dept, place=place, desc=desc, level=level, measure=measure, found=day))
    rows.sort(key=lambda r: r["found"])
    # avoid identical descriptions on the same day for one department (they would look duplicated)
    seen = set()
    out = []
    for r in rows:
        key = (r["desc"], r["found"])
        if key in seen:
            continue
        seen.add(key)
        found = r["found"]
        age = (snap - found).days
        lt = any(w in r["measure"] for w in ("制度", "考核", "纳入", "每班", "日常检查", "加强巡检"))
        immediate = r["level"] == "重大隐患" or r["measure"].startswith("立即") or r["measure"].startswith("停止")
        if immediate:
            due_val, due = "立即整改", found
        else:
            due = found + dt.timedelta(days=R.choice([7, 10, 15, 15, 30, 30, 45]))
            due_val = due
        if lt and R.random() < 0.6:
            status = "长期坚持"
        elif immediate:
            status = "已整改"
        elif age > 45:
            status = R.choices(["已整改", "整改中", "待验收", "未整改"], [66, 18, 8, 8])[0]
        elif age > 20:
            status = R.choices(["已整改", "整改中", "待验收", "未整改"], [55, 25, 12, 8])[0]
        else:
            status = R.choices(["已整改", "整改中", "待验收", "未整改"], [25, 40, 15, 20])[0]
        cat = {"已整改": "done", "长期坚持": "long", "未整改": "todo"}.get(status, "prog")
        checker = R.choice(["孙立新", "周海燕", "马建国"]) if status == "已整改" else None
        note = ""
        if status == "待验收":
            note = "已申请验收"
        elif status == "整改中" and R.random() < 0.4:
            note = R.choice(["备件已采购", "需停车检修时处理", "已设置临时防护"])
        out.append(dict(unit=r["dept"], cat=cat, due=None if cat == "long" else due, month=found.month,
                        cells=[None, found, R.choice(types), r["place"], r["desc"], r["level"], r["measure"], r["dept"],
                               person(), due_val, status, checker, note]))
    # number the master
    for i, r in enumerate(out):
        r["cells"][0] = i + 1

    widths = [6, 12, 12, 14, 34, 10, 34, 12, 10, 12, 12, 10, 16]
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def sheet(ws, title, rs):
        ncol = 13
        ws.cell(1, 1, title).font = Font(bold=True, size=16)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
        ws.cell(2, 1, f"单位名称(盖章):{company}")
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=7)
        ws.cell(2, 8, "填报日期:2024年4月3日")
        ws.merge_cells(start_row=2, start_column=8, end_row=2, end_column=ncol)
        top = ["序号", "排查日期", "排查类型", "隐患部位", "隐患描述", "隐患级别", "整改措施", "整改责任", None, "整改期限",
               "整改完成情况", "验收人", "备注"]
        for j, h in enumerate(top, 1):
            if h:
                ws.cell(3, j, h)
        ws.cell(4, 8, "责任部门")
        ws.cell(4, 9, "责任人")
        for j in range(1, ncol + 1):
            if j not in (8, 9):
                ws.merge_cells(start_row=3, start_column=j, end_row=4, end_column=j)
        ws.merge_cells(start_row=3, start_column=8, end_row=3, end_column=9)
        for j in range(1, ncol + 1):
            ws.cell(5, j, j)
        for rr in (3, 4, 5):
            for j in range(1, ncol + 1):
                c = ws.cell(rr, j)
                c.font = Font(bold=True)
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                c.border = border
        for i, (seq, cells) in enumerate(rs, 6):
            for j, v in enumerate([seq] + cells[1:], 1):
                c = ws.cell(i, j, v)
                c.border = border
                c.alignment = Alignment(vertical="center", wrap_text=True)
                if isinstance(v, dt.date):
                    c.number_format = "yyyy-mm-dd"
        end = 6 + len(rs)
        ws.cell(end + 1, 1, "填表说明:1.隐患级别分为一般隐患、重大隐患,重大隐患须同时报公司安全生产委员会办公室;"
                            "2.整改完成情况填写已整改、整改中、未整改、待验收;3.整改期限为立即整改的,须当班完成;"
                            "4.本台账每月5日前报安全环保部。")
        ws.merge_cells(start_row=end + 1, start_column=1, end_row=end + 1, end_column=ncol)
        ws.cell(end + 1, 1).alignment = Alignment(wrap_text=True)
        ws.row_dimensions[end + 1].height = 45
        ws.cell(end + 3, 1, "制表人:")
        ws.cell(end + 3, 5, "审核人:")
        ws.cell(end + 3, 10, "安全负责人:")
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = w

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "总台账"
    sheet(ws, f"{company}隐患排查治理台账(2024年第一季度)", [(r["cells"][0], r["cells"]) for r in out])
    for m in (1, 2, 3):
        ws = wb.create_sheet(f"{m}月")
        rs = [r for r in out if r["month"] == m]
        sheet(ws, f"{company}2024年{m}月隐患排查治理台账", [(i + 1, r["cells"]) for i, r in enumerate(rs)])
    stem = "2024年一季度隐患排查治理台账"
    x = os.path.join(TMP, stem + ".xlsx")
    wb.save(x)
    fn = stem + ".xlsx"
    if shutil.which("soffice"):
        r = subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(TMP, "lo"), "--headless", "--convert-to", "ods", "--outdir", OUT, x],
                           capture_output=True, text=True, timeout=300)
        if os.path.exists(os.path.join(OUT, stem + ".ods")):
            fn = stem + ".ods"
        else:
            print("soffice failed:", r.stdout, r.stderr, file=sys.stderr)
    if fn.endswith(".xlsx"):
        shutil.copy(x, os.path.join(OUT, fn))
    cols = dict(problem="E", measure="G", deadline="J", status="K", unit="H (责任部门 under merged 整改责任)", person="I",
                department="H", completed_on=None)
    sheets = {"总台账": dict(header_row="3-4 (row 5 = column numbers)", data_rows=len(out), columns=cols)}
    for m in (1, 2, 3):
        sheets[f"{m}月"] = dict(header_row="3-4 (row 5 = column numbers)", data_rows=sum(r["month"] == m for r in out),
                               columns=cols, duplicates_of="总台账")
    us = {}
    for r in out:
        us.setdefault(r["unit"], {"总台账"}).add(f"{r['month']}月")
    ANSWERS.append(dict(
        file=fn, kind="factory hazard register workbook, master + monthly sheets, ods", producer="企业安全环保部(手工台账,LibreOffice)",
        as_of=[d.isoformat() for d in dates], sheets=sheets,
        status_map={"已整改": "done", "长期坚持": "long-term", "整改中": "in progress", "待验收": "not done (review pending)",
                    "未整改": "not started"},
        notes="units = 责任部门 (the departments the safety office reports by); the monthly sheets repeat the master's rows "
              "(renumbered) and count once; 整改期限 '立即整改' only on rows already done",
        units=answers_for(out, dates), unit_sheets={u: sorted(v) for u, v in us.items()}))
    return out


# ---------------------------------------------------------------------------------------------
# 5. District audit rectification ledger (区教育局), xlsx, merged problem cells
# ---------------------------------------------------------------------------------------------
def gen_audit():
    dates = [D(2024, 4, 15), D(2024, 9, 30)]
    unit = "区教育局"
    P = [
        ("部分学校公用经费支出不规范,超范围列支教职工福利费用", "预算执行", 12.36, [
            ("责令相关学校将超范围列支的福利费用调整至工会经费列支,并对责任人进行约谈", "计财股", "已整改", "2024年3月31日前", D(2024, 3, 31), D(2024, 3, 20)),
            ("修订《中小学公用经费管理办法》,明确公用经费支出范围和审批流程", "计财股", "已整改", "2024年4月底前", D(2024, 4, 30), D(2024, 4, 10)),
            ("每学期开展一次公用经费使用情况专项检查", "计财股", "长期坚持", "长期坚持", None, None)]),
        ("学生资助资金发放不及时,2023年秋季学期助学金滞后发放2个月", "专项资金", 86.5, [
            ("完成滞后资助资金的补发工作", "学生资助管理中心", "已整改", "2024年3月15日", D(2024, 3, 15), D(2024, 3, 12)),
            ("建立资助资金发放时间节点台账,实行按月调度", "学生资助管理中心", "长期坚持", "长期坚持", None, None)]),
        ("政府采购项目未严格执行采购程序,3个项目化整为零规避公开招标", "政府采购", 245.8, [
            ("对相关项目进行全面梳理,对责任人进行批评教育", "装备股", "已整改", "2024年4月15日前", D(2024, 4, 15), D(2024, 4, 8)),
            ("制定年度政府采购预算和采购计划,合并同类采购项目", "装备股", "正在整改", "2024年6月30日前", D(2024, 6, 30), None),
            ("组织全系统财务及采购人员开展政府采购法规培训", "计财股", "未整改", "2024年5月底前", D(2024, 5, 31), None)]),
        ("固定资产管理不规范,部分学校资产账实不符,账面价值与实物差异38.2万元", "资产管理", 38.2, [
            ("组织全系统开展资产清查,摸清资产底数", "装备股", "正在整改", "2024年6月底前", D(2024, 6, 30), None),
            ("对盘亏、报废资产按程序报批处置,调整账务", "装备股", "未整改", "2024年9月30日前", D(2024, 9, 30), None),
            ("建立资产管理信息系统,实现动态管理", "装备股", "未整改", "2024年12月31日前", D(2024, 12, 31), None)]),
        ("校舍维修项目未办理竣工决算,已交付使用未转固定资产", "基本建设", 412.0, [
            ("委托第三方机构开展竣工决算审计", "基建办", "已整改", "2024年3月31日前", D(2024, 3, 31), D(2024, 3, 28)),
            ("完成竣工决算并办理资产转固", "基建办", "正在整改", "2024年5月31日前", D(2024, 5, 31), None)]),
        ("食堂管理不规范,部分学校食堂账务未纳入学校统一核算", "财务管理", 56.7, [
            ("将学校食堂账务全部纳入学校财务统一核算", "计财股", "已整改", "2024年3月底前", D(2024, 3, 31), D(2024, 3, 25)),
            ("开展食堂财务专项检查,规范食堂收支管理", "计财股", "正在整改", "2024年4月10日前", D(2024, 4, 10), None)]),
        ("教师培训经费结余较大,预算执行率仅为46%", "预算执行", 73.4, [
            ("科学编制培训经费预算,提高预算编制精准度", "教师发展中心", "长期坚持", "长期坚持", None, None),
            ("加快培训项目实施进度,2024年培训经费执行率达到85%以上", "教师发展中心", "正在整改", "2024年12月31日前", D(2024, 12, 31), None)]),
        ("代管资金未及时清理,往来款项挂账时间超过3年", "财务管理", 128.9, [
            ("对长期挂账往来款项逐笔清理核实", "计财股", "正在整改", "2024年4月30日前", D(2024, 4, 30), None),
            ("对无法收回的款项按程序报批核销", "计财股", "未整改", "2024年8月31日前", D(2024, 8, 31), None)]),
        ("非税收入未及时足额上缴财政,滞留学校账户", "非税收入", 18.6, [
            ("督促相关学校将滞留的非税收入全额上缴国库", "计财股", "已整改", "2024年3月10日前", D(2024, 3, 10), D(2024, 3, 8))]),
        ("部分学校未按规定公开预决算信息", "预决算公开", None, [
            ("督促所属学校在门户网站公开2024年部门预算", "办公室", "已整改", "2024年3月31日前", D(2024, 3, 31), D(2024, 3, 29)),
            ("将预决算公开情况纳入学校年度考核", "办公室", "正在整改", "2024年6月30日前", D(2024, 6, 30), None)]),
        ("外聘人员劳务费发放未履行审批手续", "财务管理", 9.8, [
            ("补办审批手续,完善劳务费发放凭证", "人事股", "已整改", "2024年3月31日前", D(2024, 3, 31), D(2024, 4, 9)),
            ("制定外聘人员管理办法", "人事股", "未整改", "2024年4月10日前", D(2024, 4, 10), None)]),
    ]
    people = {"计财股": "陈丽娟", "学生资助管理中心": "刘晓东", "装备股": "张振华", "基建办": "王永刚", "教师发展中心": "赵亚楠",
              "办公室": "周雪梅", "人事股": "何明辉"}
    header = ["序号", "审计发现问题", "问题类型", "涉及金额(万元)", "整改措施", "责任科室", "责任人", "整改时限",
              "整改情况(已整改/未整改)", "整改完成时间", "佐证材料", "备注"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ncol = len(header)
    ws.cell(1, 1, f"{unit}2023年度预算执行情况审计发现问题整改台账").font = Font(bold=True, size=15)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.cell(2, 1, f"被审计单位(盖章):{unit}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    ws.cell(2, 8, "填报时间:2024年4月12日")
    ws.merge_cells(start_row=2, start_column=8, end_row=2, end_column=ncol)
    for j, h in enumerate(header, 1):
        c = ws.cell(3, j, h)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = 4
    out = []
    for i, (prob, typ, amt, ms) in enumerate(P, 1):
        start = row
        for (m, dept, st, due_txt, due, fin) in ms:
            ws.cell(row, 5, m)
            ws.cell(row, 6, dept)
            ws.cell(row, 7, people[dept])
            if isinstance(due_txt, str) and due_txt.endswith("日") and R.random() < 0.3:
                c = ws.cell(row, 8, due)
                c.number_format = "yyyy年m月d日"
            else:
                ws.cell(row, 8, due_txt)
            ws.cell(row, 9, st)
            if fin:
                c = ws.cell(row, 10, fin)
                c.number_format = "yyyy-mm-dd"
            ws.cell(row, 11, {"已整改": "整改报告、会议纪要、凭证复印件", "长期坚持": "制度文件"}.get(st, ""))
            if fin and due and fin > due:
                ws.cell(row, 12, "逾期完成")
            cat = {"已整改": "done", "长期坚持": "long", "未整改": "todo"}.get(st, "prog")
            out.append(dict(unit=unit, cat=cat, due=None if cat == "long" else due))
            row += 1
        ws.cell(start, 1, i)
        ws.cell(start, 2, prob)
        ws.cell(start, 3, typ)
        if amt is not None:
            ws.cell(start, 4, amt)
        if row - 1 > start:
            for j in (1, 2, 3, 4):
                ws.merge_cells(start_row=start, start_column=j, end_row=row - 1, end_column=j)
    for rr in range(4, row):
        for j in range(1, ncol + 1):
            ws.cell(rr, j).alignment = Alignment(vertical="center", wrap_text=True)
    ws.cell(row + 1, 1, "填报人:陈丽娟        联系电话:0354-2268513        分管领导:王国庆")
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=ncol)
    for j, w in enumerate([6, 34, 10, 10, 40, 14, 8, 16, 14, 14, 22, 10], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    fn = f"{unit}2023年度预算执行审计整改台账.xlsx"
    wb.save(os.path.join(OUT, fn))
    ANSWERS.append(dict(
        file=fn, kind="district audit rectification ledger, xlsx, merged problem cells", producer="区教育局计财股(Excel手工)",
        as_of=[d.isoformat() for d in dates],
        sheets={"整改台账": dict(header_row=3, data_rows=len(out), columns=dict(
            problem="B", measure="E", deadline="H", status="I", unit="(meta row 2: 被审计单位(盖章):区教育局)", person="G",
            department="F", completed_on="J"))},
        status_map={"已整改": "done", "长期坚持": "long-term", "正在整改": "in progress", "未整改": "not started"},
        notes="one unit; problems merged over 1-3 measure rows; 涉及金额(万元) is money, not progress",
        units=answers_for(out, dates), unit_sheets={unit: ["整改台账"]}))
    return out


if __name__ == "__main__":
    shutil.rmtree(OUT, ignore_errors=True)
    shutil.rmtree(TMP, ignore_errors=True)
    os.makedirs(OUT)
    os.makedirs(TMP)
    gen_12345()
    gen_gongdian()
    gen_duban()
    gen_factory()
    gen_audit()
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as f:
        json.dump(ANSWERS, f, ensure_ascii=False, indent=1)
    for a in ANSWERS:
        print(a["file"], sum(s["data_rows"] for k, s in a["sheets"].items() if "duplicates_of" not in s))
        for u, dd in a["units"].items():
            print("   ", u, {d: tuple(v.values()) for d, v in dd.items()})
