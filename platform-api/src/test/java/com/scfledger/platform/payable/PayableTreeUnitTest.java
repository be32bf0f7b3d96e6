package com.scfledger.platform.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.scfledger.contract.token.TokenStatus;
import com.scfledger.platform.token.TokenView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayableTreeUnitTest {

    private static TokenView token(String id, String parent) {
        return new TokenView(id, "PO-1", "CORE-1", parent, "SUP-1", 100, "CNY", LocalDate.of(2026, 6, 30), 0, TokenStatus.ACTIVE,
                null, null, Instant.EPOCH, "tx", Instant.EPOCH, "tx");
    }

    @Test
    void tokensNestUnderTheirParents() {
        List<PayableController.TreeNode> tree = PayableController.tree(List.of(token("r", null), token("a", "r"),
                token("b", "r"), token("a1", "a")));
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).children()).extracting(n -> n.token().tokenId()).containsExactly("a", "b");
        assertThat(tree.get(0).children().get(0).children()).extracting(n -> n.token().tokenId()).containsExactly("a1");
    }

    @Test
    void aTokenWhoseParentTheCallerCannotSeeIsARootOfItsOwn() {
        List<PayableController.TreeNode> tree = PayableController.tree(List.of(token("a1", "a"), token("b", "r")));
        assertThat(tree).extracting(n -> n.token().tokenId()).containsExactly("a1", "b");
    }
}
