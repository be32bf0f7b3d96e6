package com.scfledger.platform.token;

import com.scfledger.platform.domain.NotYetPossible;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.token.GetToken;
import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.ledger.LedgerRefusal;
import com.scfledger.platform.ledger.ScfLedger;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import com.scfledger.platform.web.PageResult;
import com.scfledger.platform.web.PagedQuery;
import com.scfledger.platform.web.SortSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tokens from the read model, and who may see them: the holder, the obligor, the bank and the
 * applicant of the financing that locks or financed the token (the chaincode's own read rule), and
 * auditors. A token the caller may not see is reported exactly like one that does not exist (404
 * NOT_FOUND), so ids cannot be probed.
 */
@Service
public class TokenReads {

    /** Tokens that still stand for part of their payable (the chaincode's "live"). */
    public static final List<String> LIVE = List.of("PENDING_ACCEPTANCE", "ACTIVE", "FINANCING_PENDING", "FINANCED",
            "SETTLED");

    private static final Map<String, String> SORTABLE = Map.of("maturityDate", "maturity_date",
            "amountMinor", "amount_minor", "createdAt", "created_at", "updatedAt", "updated_at", "tokenId", "token_id",
            "tier", "tier", "status", "status", "obligorId", "obligor_id");

    /**
     * @param holderId      whose tokens (null: anyone's, for auditors only)
     * @param statuses      any of these (empty: the live ones)
     * @param obligorId     of this obligor, or null
     * @param payableId     of this payable, or null
     * @param maturityFrom  maturing on or after, or null
     * @param maturityTo    maturing on or before, or null
     */
    public record Filter(String holderId, List<String> statuses, String obligorId, String payableId,
                         LocalDate maturityFrom, LocalDate maturityTo) {
    }

    private final JdbcClient jdbc;
    private final ScfLedger ledger;
    private final String operatorId;

    TokenReads(JdbcClient jdbc, ScfLedger ledger,
               @Value("${scf.platform.operator-enterprise-id:PLATFORM}") String operatorId) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.operatorId = operatorId;
    }

    public Optional<TokenView> find(String tokenId) {
        return jdbc.sql("SELECT " + TokenView.COLUMNS + " FROM tokens WHERE token_id = :id").param("id", tokenId)
                .query(TokenView::map).optional();
    }

    public boolean visibleTo(TokenView token, ScfPrincipal caller) {
        if (caller.role() == Role.AUDITOR) {
            return true;
        }
        String e = caller.enterpriseId();
        if (e == null) {
            return false;
        }
        if (e.equals(token.holderId()) || e.equals(token.obligorId())) {
            return true;
        }
        return token.financingId() != null && jdbc.sql("""
                SELECT count(*) FROM financings WHERE financing_id = :f AND (bank_id = :e OR applicant_id = :e)""")
                .param("f", token.financingId()).param("e", e).query(Long.class).single() > 0;
    }

    /**
     * The token, if the caller may see it. One that is committed but not projected yet is looked up
     * on the ledger with the caller's own identity (the chaincode applies the same read rule).
     *
     * @throws NotFound when it does not exist or the caller may not see it (both after the same work)
     */
    public TokenView requireVisible(String tokenId, ScfPrincipal caller) {
        Optional<TokenView> projected = find(tokenId);
        if (projected.isPresent() && visibleTo(projected.get(), caller)) {
            return projected.get();
        }
        // Another enterprise's token costs the same ledger query as a missing one, so that the time a 404 takes does
        // not tell which ids exist; its answer is not used (the projection already said no).
        Optional<TokenView> onLedger = fromLedger(tokenId, caller);
        if (projected.isPresent()) {
            throw notFound(tokenId);
        }
        return onLedger.orElseThrow(() -> notFound(tokenId));
    }

    /** The enterprise whose ledger identity reads for the caller: auditors read as the operator, who reads everything. */
    String ledgerReader(ScfPrincipal caller) {
        return caller.role() == Role.AUDITOR ? operatorId : caller.enterpriseId();
    }

    private Optional<TokenView> fromLedger(String tokenId, ScfPrincipal caller) {
        String as = ledgerReader(caller);
        if (as == null || !tokenId.matches("[A-Za-z0-9._-]{1,128}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenView.fromLedger(ledger.getToken(as, new GetToken(tokenId))));
        } catch (LedgerRefusal refusal) {
            if (refusal.is(ErrorCode.NOT_FOUND, ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_ARGUMENT)) {
                return Optional.empty();
            }
            throw refusal;
        } catch (NotYetPossible notYet) {
            if (notYet.reason() == Reason.LEDGER_IDENTITY_MISSING) {
                return Optional.empty();
            }
            throw notYet;
        }
    }

    public static NotFound notFound(String tokenId) {
        return new NotFound(Reason.NOT_FOUND, "No token " + tokenId + ".");
    }

    /** The token and its ancestors, from the token back to its payable's root token. */
    public List<TokenView> lineage(String tokenId) {
        return jdbc.sql("""
                WITH RECURSIVE line AS (
                    SELECT t.*, 0 AS depth FROM tokens t WHERE t.token_id = :id
                    UNION ALL
                    SELECT p.*, line.depth + 1 FROM tokens p JOIN line ON p.token_id = line.parent_id
                    WHERE line.depth < 1000)
                SELECT * FROM line ORDER BY depth""")
                .param("id", tokenId).query(TokenView::map).list();
    }

    /** Every token of a payable, spent ones included, from the root down. */
    public List<TokenView> ofPayable(String obligorId, String payableId) {
        return jdbc.sql("SELECT " + TokenView.COLUMNS + " FROM tokens WHERE obligor_id = :o AND payable_id = :p "
                        + "ORDER BY tier, created_at, token_id")
                .param("o", obligorId).param("p", payableId).query(TokenView::map).list();
    }

    public PageResult<TokenView> list(Filter f, List<String> sort, int page, int size) {
        return new PagedQuery("tokens")
                .equalTo("holder_id", f.holderId())
                .in("status", f.statuses() == null || f.statuses().isEmpty() ? LIVE : f.statuses())
                .equalTo("obligor_id", f.obligorId())
                .equalTo("payable_id", f.payableId())
                .atLeast("maturity_date", f.maturityFrom())
                .atMost("maturity_date", f.maturityTo())
                .countedIn("token_counts", "tokens", Set.of("holder_id", "status"))
                .page(jdbc, TokenView.COLUMNS,
                        SortSpec.orderBy(sort, SORTABLE, "maturity_date ASC, created_at ASC", "token_id ASC"),
                        page, size, TokenView::map);
    }
}
