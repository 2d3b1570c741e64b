import GroupDomain
import Hummingbird
import LedgerCore
import LedgerInspection
import LedgerStorage

extension Endpoints {
    /// How many of the newest records the province page lists.
    static let newestRecords: UInt64 = 20

    /// `/`: the province — every group with its head, admins, member count, open findings by rule and overdue
    /// directives, the counts of people and withheld records — then the integrity panel of the checkpoint
    /// `/checkpoint` serves (with witnesses, the newest that met their quorum) with the newest anchor kept in
    /// `checkpoints/` (or "not anchored"), and the newest records. While the
    /// inspection model is being prepared the page says so and still shows the panel and the records.
    func province(_ frame: WebFrame) -> Response {
        let labels = frame.labels
        var values = IntegrityPanel.values(note: witnesses?.note ?? checkpoint.note, labels: labels)
        let size = checkpoint.size
        let anchor = web.anchors.anchor(size: size) {
            Result { () throws(LedgerError) in try CheckpointStore(layout: layout).newest(reader: webReader) }
        }
        values.merge(IntegrityPanel.anchor(anchor, size: size, labels: labels)) { _, anchor in anchor }
        let view = try? inspectionView(frame).get()
        do {
            let rows = try IntegrityPanel.newest(Self.newestRecords, size: checkpoint.size, reader: webReader)
            values["records"] = rows.map { row in
                var named: [String: Any] = row
                named["actorID"] = row["actor"] ?? ""
                named["actor"] = nil
                if let view { named["actor"] = PageValues.person(view.personRef(row["actor"] ?? ""), frame.language) }
                if let group = row["group"], !group.isEmpty { named["groupHref"] = PageValues.groupHref(group) }
                return named
            }
            values["hasRecords"] = !rows.isEmpty
        } catch {
            return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
        }
        if let view {
            values["province"] = ProvincePage.values(view.province(), labels: labels, language: frame.language)
        } else {
            values["preparingModel"] = true
        }
        return WebReply.html(.ok, WebTemplates.render("home", frame.values(title: labels["province"] ?? "", values)))
    }
}
