import Foundation
import GroupDomain
import HTTPTypes
import Hummingbird
import LedgerCore
import LedgerInspection
import LedgerStorage
import NIOCore

extension Endpoints {
    /// The longest purpose text the cover page takes.
    static let maxPurposeCharacters = 500

    /// `/export`: the forms choosing an archive's records — by numbers and ranges, by group and time range, or a
    /// finding's evidence (`?finding=ID` shows the finding and its records).
    func exportPage(_ frame: WebFrame) -> Response {
        return withInspectionView(frame) { view in
            var values: [String: Any] = [
                "groups": view.state.groups.values.sorted { $0.id < $1.id }.map { group in
                    ["id": group.id, "label": group.name.map { "\($0) (\(group.id))" } ?? group.id]
                }
            ]
            if let id = frame.query["finding"], !id.isEmpty {
                guard let found = view.finding(id: id) else {
                    return WebReply.html(
                        .notFound,
                        frame.message("notFound", "there is no finding \(id)", back: "/export")
                    )
                }
                values["finding"] = [
                    "id": id, "seqs": found.finding.seqs.map(String.init),
                    "message": frame.language == .vi ? found.finding.messageVI : found.finding.messageEN,
                ]
            }
            let title = frame.labels["exportTitle"] ?? ""
            return WebReply.html(.ok, WebTemplates.render("export", frame.values(title: title, values)))
        }
    }

    /// `GET /export.tar?seqs=12,40-45` (or `group=G&from=DAY&to=DAY`, or `finding=ID`; `purpose=` for the cover):
    /// the inspection archive (``InspectionArchive``) against the checkpoint `/checkpoint` serves, sent as it is
    /// made. A selection that is malformed, empty or over ``InspectionArchive/maxRecords`` gets 400 saying why; an
    /// unknown group or finding 404.
    func exportArchive(_ request: Request, _ frame: WebFrame, _ exchange: Exchange) -> Response {
        return withInspectionView(frame) { view in
            let form = FormBody.parse(Array((request.uri.query ?? "").utf8))
            let note = witnesses?.note ?? checkpoint.note
            let cover: InspectionArchive.Cover
            let first: InspectionArchive
            do throws(LedgerError) {
                cover = InspectionArchive.Cover(
                    exporter: exchange.token,
                    exportedAtMillis: Int64((Date().timeIntervalSince1970 * 1000).rounded()),
                    selection: try Self.selection(form),
                    purpose: String((form["purpose"] ?? "").prefix(Self.maxPurposeCharacters))
                )
                first = try InspectionArchive(reader: webReader, checkpointNote: note, cover: cover, view: view)
            } catch {
                let status: HTTPResponse.Status = error.code == .notFound ? .notFound : .badRequest
                return WebReply.html(status, frame.message("exportRefused", error.message, back: "/export"))
            }
            let name = "inspection-\(first.seqs.first!)-\(first.seqs.last!)-\(first.seqs.count).tar"
            var headers = WebReply.securityHeaders
            headers[.contentType] = "application/x-tar"
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            let body = ResponseBody { [self] writer in
                let archive = try InspectionArchive(
                    reader: webReader,
                    checkpointNote: note,
                    cover: cover,
                    view: view
                )
                var members = try archive.makeMembers()
                while let bytes = try members.next() { try await writer.write(ByteBuffer(bytes: bytes)) }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// The selection a form states: exactly one of `seqs`, `group` (with `from`, `to`) and `finding`.
    static func selection(_ form: [String: String]) throws(LedgerError) -> ArchiveSelection {
        let given = ["seqs", "group", "finding"].filter { !(form[$0] ?? "").isEmpty }
        guard given.count == 1 else {
            throw LedgerError(.badInput, "choose the records one way: record numbers, a group, or a finding")
        }
        switch given[0] {
        case "seqs":
            return .records(try ArchiveSelection.ranges(form["seqs"]!))
        case "group":
            let from = try (form["from"]).flatMap { $0.isEmpty ? nil : $0 }.map { (text) throws(LedgerError) in
                try ArchiveSelection.time(text, endOfDay: false)
            }
            let to = try (form["to"]).flatMap { $0.isEmpty ? nil : $0 }.map { (text) throws(LedgerError) in
                try ArchiveSelection.time(text, endOfDay: true)
            }
            return .group(form["group"]!, fromMillis: from, toMillis: to)
        default:
            return .finding(form["finding"]!)
        }
    }
}
