import Foundation
import GongkaiCore
import GongkaiTestSupport

/// 第四十四条's proposals (`RepeatedRequests.groups`) over a year's answered applications of a large agency: N
/// requests drawn from 300 kinds of information, each worded one of several ways (some with a 文号), by 2,000
/// applicants, 60 % answered 予以公开 or 部分公开. Prints the median of 5 runs of each size (milliseconds), and the
/// groups found, so that a faster version can be checked to find the same.
enum ProposalsBenchmark {
    static func requests(_ count: Int) -> [RepeatedRequests.Request] {
        var random = SplitMix64(seed: 44)
        let places = ["大兴区", "黄村镇", "西红门镇", "亦庄", "旧宫镇", "瀛海镇"]
        let things = ["危险化学品经营许可", "安全生产执法检查计划", "行政处罚决定", "应急预案", "事故调查报告", "专项资金使用情况"]
        let wordings = ["请公开%@%d年%@", "申请获取%@%d年度%@的相关信息", "%@%d年%@全文", "关于%@%d年%@的文件"]
        let outcomes: [Outcome?] = [.granted, .partiallyGranted, .granted, nil, .notProcessed(.repeated)]
        return (0..<count).map { n in
            let kind = Int(random.next() % 300)
            let (place, thing, year) = (places[kind % places.count], things[kind / places.count % things.count], 2015 + kind / 36)
            let wording = wordings[Int(random.next() % UInt64(wordings.count))]
            let text = String(format: wording, place, year, thing)
            let numbered = random.next() % 4 == 0
            return RepeatedRequests.Request(
                reference: "A\(n)", applicant: "naturalPerson/申请人\(random.next() % 2_000)", text: text,
                documentNumber: numbered ? "京兴应急〔\(year)〕\(kind)号" : nil, outcome: outcomes[Int(random.next() % 5)])
        }
    }

    static func run(sizes: [Int]) {
        for size in sizes {
            let input = requests(size)
            var times: [Double] = []
            var found = 0
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                found = RepeatedRequests.groups(input).count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            let median = times.sorted()[times.count / 2]
            print("proposals \(size) requests: \(String(format: "%.1f", median)) ms (median of 5), \(found) groups")
        }
    }
}
