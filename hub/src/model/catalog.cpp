#include "model/catalog.hpp"

namespace recolte::model {

const char* toString(BaseUnit u) {
    switch (u) {
        case BaseUnit::Kg: return "kg";
        case BaseUnit::L: return "l";
        case BaseUnit::Piece: return "piece";
    }
    return "piece";
}

}  // namespace recolte::model
