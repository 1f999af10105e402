#include "store/seed_data.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <random>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/clock.hpp"
#include "domain/rounding.hpp"

namespace zomato::store {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_seconds;

// Only the engine's raw output is used: std::mt19937_64 is specified bit for bit, the
// standard distributions are not, so the same seed gives the same data with any library.
// Callers draw in separate statements: the order in which function arguments or the
// operands of `+` are evaluated is unspecified and would differ between compilers.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, bound), bound > 0, by rejection.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t excess = (std::uint64_t{0} - bound) % bound;
    for (;;) {
      const std::uint64_t value = engine_();
      if (value >= excess) return value % bound;
    }
  }
  std::int64_t index(std::size_t size) { return static_cast<std::int64_t>(below(size)); }
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
  }
  bool percent(int chance) { return below(100) < static_cast<std::uint64_t>(chance); }
  template <class T, std::size_t n>
  const T& pick(const std::array<T, n>& options) {
    return options[below(n)];
  }
  // An index drawn with the given weights (percentages summing to 100).
  template <std::size_t n>
  std::size_t weighted(const std::array<int, n>& weights) {
    auto roll = static_cast<int>(below(100));
    for (std::size_t i = 0; i + 1 < n; ++i) {
      if (roll < weights[i]) return i;
      roll -= weights[i];
    }
    return n - 1;
  }

 private:
  std::mt19937_64 engine_;
};

using names = std::string_view;

constexpr std::array<names, 10> cuisines{"Italian", "Indian",   "Chinese",       "Mexican", "Japanese",
                                         "Thai",    "American", "Mediterranean", "French",  "Korean"};
constexpr std::array<names, 20> name_adjectives{"Golden", "Royal", "Little", "Blue",  "Green",   "Red", "Silver",
                                                "Happy",  "Urban", "Rustic", "Spicy", "Hidden",  "Old", "Lucky",
                                                "Sunny",  "Grand", "Secret", "Wild",  "Crimson", "Cozy"};
constexpr std::array<names, 20> name_nouns{"Spoon",  "Lotus",   "Garden", "Kitchen", "Table",   "Fork",   "Bowl",
                                           "Oven",   "Lantern", "Harbor", "Bistro",  "Corner",  "Dragon", "Olive",
                                           "Pepper", "Tandoor", "Wok",    "Grill",   "Cantina", "Terrace"};
constexpr std::array<names, 5> descriptions{"favourites cooked to order", "classics and house specials",
                                            "street food and comfort dishes", "family recipes with fresh ingredients",
                                            "a seasonal menu from a small kitchen"};
struct opening_hours {
  names opening;
  names closing;
};
// Two of eight are late-night places that close after midnight.
constexpr std::array<opening_hours, 8> hours{{{"10:00:00", "22:00:00"},
                                              {"11:00:00", "23:00:00"},
                                              {"08:00:00", "20:00:00"},
                                              {"11:30:00", "22:30:00"},
                                              {"07:00:00", "15:00:00"},
                                              {"10:00:00", "21:00:00"},
                                              {"12:00:00", "02:00:00"},
                                              {"17:00:00", "03:00:00"}}};
constexpr std::array<names, 15> streets{"Maple", "Oak",    "Cedar",  "Elm",    "Pine", "Lake",    "Hill",  "River",
                                        "Park",  "Sunset", "Market", "Church", "Mill", "Station", "Harbor"};
constexpr std::array<names, 5> street_kinds{"Street", "Avenue", "Road", "Lane", "Boulevard"};
constexpr std::array<names, 10> cities{"Springfield", "Riverton",   "Lakewood", "Fairview", "Greenville",
                                       "Madison",     "Georgetown", "Franklin", "Clinton",  "Salem"};
constexpr std::array<names, 20> first_names{"Aarav", "Maya",  "Liam",   "Sofia", "Noah",  "Priya", "Ethan",
                                            "Ava",   "Rohan", "Emma",   "Lucas", "Isha",  "Mateo", "Chloe",
                                            "Arjun", "Zoe",   "Daniel", "Nina",  "Kenji", "Lea"};
constexpr std::array<names, 20> last_names{"Sharma", "Smith",  "Garcia", "Chen",   "Patel", "Johnson", "Kim",
                                           "Nguyen", "Brown",  "Rossi",  "Singh",  "Lopez", "Tanaka",  "Miller",
                                           "Dubois", "Wilson", "Khan",   "Moreau", "Park",  "Davis"};

struct dish {
  names name;
  names category;
  bool vegetarian;
  bool vegan;
  bool gluten_free;
};
constexpr std::array<dish, 33> dishes{{{"Spring Rolls", "Appetizers", true, true, false},
                                       {"Garlic Bread", "Appetizers", true, false, false},
                                       {"Chicken Wings", "Appetizers", false, false, true},
                                       {"Stuffed Mushrooms", "Appetizers", true, false, true},
                                       {"Hummus Platter", "Appetizers", true, true, true},
                                       {"Tomato Soup", "Soups", true, true, true},
                                       {"Lentil Soup", "Soups", true, true, true},
                                       {"Chicken Noodle Soup", "Soups", false, false, false},
                                       {"Miso Soup", "Soups", true, true, true},
                                       {"Caesar Salad", "Salads", false, false, false},
                                       {"Greek Salad", "Salads", true, false, true},
                                       {"Quinoa Salad", "Salads", true, true, true},
                                       {"Margherita Pizza", "Main Course", true, false, false},
                                       {"Butter Chicken", "Main Course", false, false, true},
                                       {"Paneer Tikka Masala", "Main Course", true, false, true},
                                       {"Pad Thai", "Main Course", false, false, false},
                                       {"Beef Tacos", "Main Course", false, false, false},
                                       {"Salmon Teriyaki", "Main Course", false, false, false},
                                       {"Vegetable Curry", "Main Course", true, true, true},
                                       {"Grilled Steak", "Main Course", false, false, true},
                                       {"Mushroom Risotto", "Main Course", true, false, true},
                                       {"Bibimbap", "Main Course", false, false, false},
                                       {"Falafel Wrap", "Main Course", true, true, false},
                                       {"Ramen", "Main Course", false, false, false},
                                       {"French Fries", "Sides", true, true, true},
                                       {"Steamed Rice", "Sides", true, true, true},
                                       {"Garlic Naan", "Sides", true, false, false},
                                       {"Chocolate Cake", "Desserts", true, false, false},
                                       {"Tiramisu", "Desserts", true, false, false},
                                       {"Mango Sorbet", "Desserts", true, true, true},
                                       {"Mango Lassi", "Beverages", true, false, true},
                                       {"Fresh Lemonade", "Beverages", true, true, true},
                                       {"Tasting Platter", "Specials", false, false, false}}};
constexpr std::array<names, 10> dish_adjectives{"Classic",   "Spicy",     "House", "Smoky", "Crispy",
                                                "Homestyle", "Signature", "Fresh", "Royal", "Garden"};
// Price bands of the analytics: under 10.00, 10.00-24.99, 25.00-49.99, 50.00 and up.
constexpr std::array<int, 4> price_band_weights{35, 40, 18, 7};
constexpr std::array<std::array<std::int64_t, 2>, 4> price_band_dollars{{{2, 9}, {10, 24}, {25, 49}, {50, 120}}};
constexpr std::array<std::int64_t, 3> price_endings{0, 49, 99};
constexpr std::array<names, 5> instructions{"Leave at the door", "Ring the bell twice", "Extra napkins please",
                                            "No contact delivery", "Call on arrival"};
constexpr std::array<names, 4> requests{"Extra spicy", "No onions", "Sauce on the side", "Less salt"};
// Review stars by a restaurant's quality (poor, fair, great), in percent for 1..5 stars.
constexpr std::array<std::array<int, 5>, 3> star_weights{
    {{15, 20, 30, 25, 10}, {5, 10, 20, 40, 25}, {2, 3, 10, 35, 50}}};
constexpr std::array<names, 3> unhappy_comments{"Food arrived cold.", "Took far too long.", "Not what I ordered."};
constexpr std::array<names, 3> neutral_comments{"It was okay.", "Decent food, slow delivery.", "Fine for the price."};
constexpr std::array<names, 3> happy_comments{"Delicious, will order again!", "Great food and fast delivery.",
                                              "Generous portions."};

constexpr std::array<domain::order_status, 5> workflow{
    domain::order_status::placed, domain::order_status::confirmed, domain::order_status::preparing,
    domain::order_status::out_for_delivery, domain::order_status::delivered};
// Seconds from one workflow step to the next: confirm, start cooking, hand over, deliver.
constexpr std::array<std::array<std::int64_t, 2>, 4> step_seconds{{{60, 300}, {120, 600}, {300, 2700}, {600, 2400}}};

struct generated_item {
  std::int64_t id;
  std::int64_t price_cents;
};

struct generated_restaurant {
  std::int64_t id;
  std::size_t quality;
  std::vector<generated_item> items;
  std::int64_t star_sum = 0;
  std::int64_t review_count = 0;
};

struct generated_customer {
  std::int64_t id;
  std::string address;
};

std::string text(names part) { return std::string(part); }

std::string timestamp(sys_seconds at) { return domain::format_timestamp(at); }

// The `i`-th of `count` instants spread evenly over [start, start + span), with jitter
// inside its slot, so that ids and times rise together.
sys_seconds spread(random_source& random, sys_seconds start, seconds span, std::int64_t i, std::int64_t count) {
  const std::int64_t slot = std::max<std::int64_t>(1, span.count() / count);
  return start +
         seconds{i * span.count() / count + static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(slot)))};
}

std::string phone_number(random_source& random) { return "+1-555-" + std::to_string(random.between(1000, 9999)); }

std::string street_address(random_source& random) {
  const std::int64_t number = random.between(1, 9999);
  const names street = random.pick(streets);
  const names kind = random.pick(street_kinds);
  const names city = random.pick(cities);
  return std::to_string(number) + " " + text(street) + " " + text(kind) + ", " + text(city);
}

std::int64_t price_cents(random_source& random) {
  const auto& dollars = price_band_dollars[random.weighted(price_band_weights)];
  const std::int64_t whole = random.between(dollars[0], dollars[1]);
  const std::int64_t cents = random.pick(price_endings);
  return whole * 100 + cents;
}

// One run of the generator: its random source and what later rows refer to.
class generation {
 public:
  generation(const seed_plan& plan, seed_sink& sink, seed_counts& counts)
      : plan_(plan), sink_(sink), counts_(counts), random_(plan.seed) {}

  void run() {
    add_restaurants();
    add_customers();
    add_orders();
    rate_restaurants();
  }

 private:
  void add_restaurants() {
    const sys_seconds start = plan_.reference_time - days{365};
    std::unordered_map<std::string, int> name_uses;
    restaurants_.reserve(static_cast<std::size_t>(plan_.restaurants));
    for (std::int64_t i = 0; i < plan_.restaurants; ++i) {
      const names adjective = random_.pick(name_adjectives);
      const names noun = random_.pick(name_nouns);
      std::string name = text(adjective) + " " + text(noun);
      if (const int uses = ++name_uses[name]; uses > 1) name += " " + std::to_string(uses);
      const names cuisine = random_.pick(cuisines);
      std::optional<std::string> description;
      if (random_.percent(90)) description = text(cuisine) + " " + text(random_.pick(descriptions));
      const auto& open = random_.pick(hours);
      const bool active = random_.percent(95);
      std::string address = street_address(random_);
      std::string phone = phone_number(random_);
      const std::size_t quality = random_.below(star_weights.size());
      const sys_seconds created = spread(random_, start, days{180}, i, plan_.restaurants);
      const auto stamp = timestamp(created);
      const domain::restaurant row{.id = counts_.restaurants + 1,
                                   .name = std::move(name),
                                   .description = std::move(description),
                                   .cuisine_type = text(cuisine),
                                   .address = std::move(address),
                                   .phone_number = std::move(phone),
                                   .is_active = active,
                                   .opening_time = text(open.opening),
                                   .closing_time = text(open.closing),
                                   .created_at = stamp,
                                   .updated_at = stamp};
      ++counts_.restaurants;
      sink_.add_restaurant(row);
      restaurants_.push_back({row.id, quality, {}});
      add_menu(restaurants_.back(), created);
    }
  }

  void add_menu(generated_restaurant& restaurant, sys_seconds opened) {
    std::array<std::size_t, dishes.size()> order{};
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[random_.below(i + 1)]);
    restaurant.items.reserve(static_cast<std::size_t>(plan_.menu_items_per_restaurant));
    for (std::int64_t j = 0; j < plan_.menu_items_per_restaurant; ++j) {
      const dish& chosen = dishes[order[static_cast<std::size_t>(j) % order.size()]];
      const std::string name = text(random_.pick(dish_adjectives)) + " " + text(chosen.name);
      std::optional<std::string> description;
      if (random_.percent(80)) description = text(chosen.name) + " made fresh to order";
      const std::int64_t price = price_cents(random_);
      const bool available = random_.percent(92);
      const std::int64_t preparation = random_.between(5, 45);
      const auto added = timestamp(opened + minutes{j + 1});
      const domain::menu_item row{.id = counts_.menu_items + 1,
                                  .restaurant_id = restaurant.id,
                                  .name = name,
                                  .description = std::move(description),
                                  .price = price,
                                  .category = text(chosen.category),
                                  .is_vegetarian = chosen.vegetarian,
                                  .is_vegan = chosen.vegan,
                                  .is_gluten_free = chosen.gluten_free,
                                  .is_available = available,
                                  .preparation_time = preparation,
                                  .created_at = added,
                                  .updated_at = added};
      ++counts_.menu_items;
      sink_.add_menu_item(row);
      restaurant.items.push_back({row.id, price});
    }
  }

  void add_customers() {
    const sys_seconds start = plan_.reference_time - days{365};
    customers_.reserve(static_cast<std::size_t>(plan_.customers));
    for (std::int64_t i = 0; i < plan_.customers; ++i) {
      const names first = random_.pick(first_names);
      const names last = random_.pick(last_names);
      std::string email = "customer" + std::to_string(i + 1) + "@example.com";
      std::string address = street_address(random_);
      std::string phone = phone_number(random_);
      const bool active = random_.percent(98);
      const sys_seconds created = spread(random_, start, days{270}, i, plan_.customers);
      const auto stamp = timestamp(created);
      domain::customer row{.id = counts_.customers + 1,
                           .name = text(first) + " " + text(last),
                           .email = std::move(email),
                           .phone_number = std::move(phone),
                           .address = std::move(address),
                           .is_active = active,
                           .created_at = stamp,
                           .updated_at = stamp};
      ++counts_.customers;
      sink_.add_customer(row);
      customers_.push_back({row.id, std::move(row.address)});
    }
  }

  // 98% of the orders spread over the 90 days before the reference time, the last 2% over
  // its last 90 minutes, so that some orders are still on their way at the reference time.
  void add_orders() {
    const std::int64_t recent = plan_.orders * 2 / 100;
    const std::int64_t older = plan_.orders - recent;
    const sys_seconds recent_start = plan_.reference_time - minutes{90};
    const sys_seconds window_start = plan_.reference_time - days{90};
    for (std::int64_t i = 0; i < plan_.orders; ++i) {
      const sys_seconds placed = i < older ? spread(random_, window_start, recent_start - window_start, i, older)
                                           : spread(random_, recent_start, minutes{90}, i - older, recent);
      add_order(placed);
    }
  }

  void add_order(sys_seconds placed) {
    auto& customer = customers_[static_cast<std::size_t>(random_.index(customers_.size()))];
    auto& restaurant = restaurants_[static_cast<std::size_t>(random_.index(restaurants_.size()))];

    struct line {
      const generated_item* item;
      std::int64_t quantity;
      std::optional<std::string> request;
    };
    std::vector<line> lines;
    const auto line_count = std::min<std::size_t>(1 + random_.below(4), restaurant.items.size());
    std::int64_t total = 0;
    while (lines.size() < line_count) {
      const auto* item = &restaurant.items[static_cast<std::size_t>(random_.index(restaurant.items.size()))];
      if (std::any_of(lines.begin(), lines.end(), [&](const line& l) { return l.item == item; })) continue;
      const std::int64_t quantity = random_.between(1, 3);
      std::optional<std::string> request;
      if (random_.percent(10)) request = text(random_.pick(requests));
      total += quantity * item->price_cents;
      lines.push_back({item, quantity, std::move(request)});
    }

    std::array<sys_seconds, workflow.size()> planned{placed};
    for (std::size_t step = 1; step < planned.size(); ++step) {
      const auto& gap = step_seconds[step - 1];
      planned[step] = planned[step - 1] + seconds{random_.between(gap[0], gap[1])};
    }
    std::optional<std::size_t> cancelled_after;
    sys_seconds cancelled_at{};
    if (random_.percent(8)) {
      cancelled_after = random_.below(3);
      cancelled_at = planned[*cancelled_after] + seconds{random_.between(60, 900)};
    }
    std::vector<std::pair<domain::order_status, sys_seconds>> history;
    const std::size_t last_step = cancelled_after ? *cancelled_after : planned.size() - 1;
    for (std::size_t step = 0; step <= last_step && planned[step] <= plan_.reference_time; ++step) {
      history.emplace_back(workflow[step], planned[step]);
    }
    if (cancelled_after && cancelled_at <= plan_.reference_time) {
      history.emplace_back(domain::order_status::cancelled, cancelled_at);
    }
    const domain::order_status status = history.back().first;
    const bool delivered = status == domain::order_status::delivered;

    std::optional<std::string> instructions_text;
    if (random_.percent(15)) instructions_text = text(random_.pick(instructions));
    std::optional<std::string> delivery_time;
    if (delivered) delivery_time = timestamp(history.back().second);
    const domain::order row{.id = counts_.orders + 1,
                            .customer_id = customer.id,
                            .restaurant_id = restaurant.id,
                            .status = status,
                            .total = total,
                            .delivery_address = customer.address,
                            .special_instructions = std::move(instructions_text),
                            .order_date = timestamp(placed),
                            .delivery_time = std::move(delivery_time)};
    ++counts_.orders;
    sink_.add_order(row);

    for (const auto& l : lines) {
      ++counts_.order_items;
      sink_.add_order_item(domain::order_item{.id = counts_.order_items,
                                              .order_id = row.id,
                                              .menu_item_id = l.item->id,
                                              .quantity = l.quantity,
                                              .item_price = l.item->price_cents,
                                              .special_requests = l.request});
    }
    for (const auto& [step_status, at] : history) {
      ++counts_.status_changes;
      sink_.add_status_change(
          {.id = counts_.status_changes, .order_id = row.id, .status = step_status, .changed_at = timestamp(at)});
    }
    if (delivered && random_.percent(35)) add_review(customer, restaurant, row.id, history.back().second);
  }

  void add_review(const generated_customer& customer, generated_restaurant& restaurant, std::int64_t order_id,
                  sys_seconds delivered_at) {
    const auto stars = static_cast<std::int64_t>(random_.weighted(star_weights[restaurant.quality]) + 1);
    std::optional<std::string> comment;
    if (random_.percent(70)) {
      comment = text(stars <= 2   ? random_.pick(unhappy_comments)
                     : stars == 3 ? random_.pick(neutral_comments)
                                  : random_.pick(happy_comments));
    }
    const sys_seconds written =
        std::min(delivered_at + seconds{random_.between(600, std::int64_t{2} * 24 * 3600)}, plan_.reference_time);
    ++counts_.reviews;
    sink_.add_review(domain::review{.id = counts_.reviews,
                                    .customer_id = customer.id,
                                    .restaurant_id = restaurant.id,
                                    .order_id = order_id,
                                    .rating = stars,
                                    .comment = std::move(comment),
                                    .created_at = timestamp(written)});
    restaurant.star_sum += stars;
    ++restaurant.review_count;
  }

  void rate_restaurants() {
    std::vector<seed_rating> ratings;
    for (const auto& restaurant : restaurants_) {
      if (restaurant.review_count == 0) continue;
      ratings.push_back({restaurant.id, domain::rounded_quotient(restaurant.star_sum, restaurant.review_count, 1)});
    }
    sink_.set_ratings(ratings);
  }

  const seed_plan& plan_;
  seed_sink& sink_;
  seed_counts& counts_;
  random_source random_;
  std::vector<generated_restaurant> restaurants_;
  std::vector<generated_customer> customers_;
};

}  // namespace

void check_seed_plan(const seed_plan& plan) {
  if (plan.restaurants < 0 || plan.menu_items_per_restaurant < 0 || plan.customers < 0 || plan.orders < 0) {
    throw std::invalid_argument("seed counts cannot be negative");
  }
  if (plan.orders > 0 && (plan.restaurants == 0 || plan.menu_items_per_restaurant == 0 || plan.customers == 0)) {
    throw std::invalid_argument("orders need at least one restaurant, menu item and customer");
  }
}

seed_generator::seed_generator(const seed_plan& plan) : plan_(plan) { check_seed_plan(plan_); }

seed_counts seed_generator::run(seed_sink& sink) {
  counts_ = {};
  generation(plan_, sink, counts_).run();
  return counts_;
}

}  // namespace zomato::store
