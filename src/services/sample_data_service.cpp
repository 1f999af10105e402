#include "services/sample_data_service.hpp"

namespace zomato::services {
namespace {

struct sample_item {
  const char* name;
  const char* description;
  domain::cents price;
  const char* category;
  bool vegetarian, vegan, gluten_free;
  std::int64_t preparation;
};

struct sample_restaurant {
  const char* name;
  const char* description;
  const char* cuisine;
  const char* address;
  const char* phone;
  double rating;
  const char* opens;
  const char* closes;
  sample_item items[3];
};

const sample_restaurant catalogue[] = {
    {"Pizza Palace",
     "Authentic Italian pizza with fresh ingredients",
     "Italian",
     "123 Main St, Downtown",
     "+1-555-0123",
     4.5,
     "10:00:00",
     "22:00:00",
     {{"Margherita Pizza", "Classic tomato, mozzarella, basil", 1299, "Main Course", true, false, false, 15},
      {"Pepperoni Pizza", "Pepperoni with mozzarella cheese", 1499, "Main Course", false, false, false, 15},
      {"Caesar Salad", "Fresh romaine with caesar dressing", 899, "Appetizer", true, false, false, 5}}},
    {"Burger Barn",
     "Gourmet burgers and craft beer",
     "American",
     "456 Oak Ave, Midtown",
     "+1-555-0456",
     4.2,
     "11:00:00",
     "23:00:00",
     {{"Classic Burger", "Beef patty, cheddar, pickles", 1199, "Main Course", false, false, false, 12},
      {"Veggie Burger", "Black bean patty with avocado", 1099, "Main Course", true, false, false, 12},
      {"Sweet Potato Fries", "Crispy fries with sea salt", 599, "Side", true, true, true, 8}}},
    {"Sushi Zen",
     "Fresh sushi and Japanese cuisine",
     "Japanese",
     "789 Pine St, Uptown",
     "+1-555-0789",
     4.8,
     "12:00:00",
     "22:00:00",
     {{"Salmon Nigiri", "Two pieces of fresh salmon", 699, "Sushi", false, false, true, 10},
      {"Dragon Roll", "Eel, cucumber and avocado", 1599, "Sushi", false, false, false, 15},
      {"Miso Soup", "Tofu, seaweed and scallions", 399, "Soup", true, true, false, 5}}},
    {"Taco Fiesta",
     "Authentic Mexican street tacos",
     "Mexican",
     "321 Elm St, Eastside",
     "+1-555-0321",
     4.3,
     "10:00:00",
     "21:00:00",
     {{"Carne Asada Tacos", "Grilled steak, onion, cilantro", 999, "Main Course", false, false, true, 10},
      {"Veggie Burrito", "Beans, rice, peppers and cheese", 899, "Main Course", true, false, false, 10},
      {"Guacamole And Chips", "Fresh guacamole with corn chips", 649, "Appetizer", true, true, true, 5}}},
    {"Curry House",
     "Traditional Indian curries and tandoor",
     "Indian",
     "654 Maple Dr, Westside",
     "+1-555-0654",
     4.6,
     "11:00:00",
     "22:00:00",
     {{"Butter Chicken", "Chicken in a creamy tomato sauce", 1499, "Main Course", false, false, true, 20},
      {"Vegetable Biryani", "Fragrant rice with mixed vegetables", 1199, "Main Course", true, false, false, 25},
      {"Garlic Naan", "Tandoor bread with garlic butter", 349, "Bread", true, false, false, 8}}},
};

struct sample_customer {
  const char* name;
  const char* email;
  const char* phone;
  const char* address;
};

const sample_customer people[] = {
    {"Alice Sample", "alice.sample@example.com", "+1-555-1001", "12 Harbour Road, Seaside"},
    {"Bob Sample", "bob.sample@example.com", "+1-555-1002", "34 Station Street, Midtown"},
    {"Carol Sample", "carol.sample@example.com", "+1-555-1003", "56 Garden Lane, Uptown"},
};

// Orders: customer, restaurant, item (indexes into the tables above) and how far they got.
struct sample_order {
  int customer, restaurant, item;
  std::int64_t quantity;
  domain::order_status status;
};

const sample_order history[] = {
    {0, 0, 0, 2, domain::order_status::delivered},        {1, 1, 0, 1, domain::order_status::preparing},
    {2, 2, 1, 2, domain::order_status::placed},           {0, 4, 1, 1, domain::order_status::cancelled},
    {1, 3, 0, 3, domain::order_status::out_for_delivery}, {2, 0, 2, 1, domain::order_status::confirmed},
};

const domain::order_status workflow[] = {domain::order_status::confirmed, domain::order_status::preparing,
                                         domain::order_status::out_for_delivery, domain::order_status::delivered};

}  // namespace

domain::result<sample_result> sample_data_service::create(write_context& writes) {
  sample_result result;
  {
    auto tx = db_.read();
    for (const auto id : tx->samples().ids("restaurant")) {
      if (auto found = tx->restaurants().find(id)) result.restaurants.push_back(std::move(*found));
    }
  }
  if (!result.restaurants.empty()) {
    result.already_there = true;
    return result;
  }
  if (auto taken = conflict()) return *taken;
  auto made = populate(writes, result);
  if (!made) remove(writes);
  return made;
}

std::optional<domain::failure> sample_data_service::conflict() {
  auto tx = db_.read();
  for (const auto& entry : catalogue) {
    if (tx->restaurants().id_named(entry.name)) {
      return domain::rule_violation(std::string("Restaurant with this name already exists: ") + entry.name);
    }
  }
  for (const auto& person : people) {
    if (tx->customers().id_with_email(person.email)) {
      return domain::rule_violation(std::string("Customer with this email already exists: ") + person.email);
    }
  }
  return std::nullopt;
}

domain::result<sample_result> sample_data_service::populate(write_context& writes, sample_result result) {
  std::vector<std::vector<domain::id_t>> item_ids;
  std::vector<domain::id_t> customer_ids;
  const auto remember = [&](const char* kind, domain::id_t id) {
    auto tx = db_.write();
    tx->samples().remember(kind, id);
    writes.commit(*tx);
  };
  for (const auto& entry : catalogue) {
    domain::restaurant r;
    r.name = entry.name;
    r.description = entry.description;
    r.cuisine_type = entry.cuisine;
    r.address = entry.address;
    r.phone_number = entry.phone;
    r.rating = entry.rating;
    r.opening_time = entry.opens;
    r.closing_time = entry.closes;
    auto created = restaurants_.create(writes, r);
    if (!created) return created.error();
    remember("restaurant", created->id);
    item_ids.emplace_back();
    for (const auto& item : entry.items) {
      domain::menu_item m;
      m.name = item.name;
      m.description = item.description;
      m.price = item.price;
      m.category = item.category;
      m.is_vegetarian = item.vegetarian;
      m.is_vegan = item.vegan;
      m.is_gluten_free = item.gluten_free;
      m.preparation_time = item.preparation;
      auto added = menu_.add(writes, created->id, m);
      if (!added) return added.error();
      item_ids.back().push_back(added->id);
      ++result.created.menu_items;
    }
    result.restaurants.push_back(std::move(created.value()));
    ++result.created.restaurants;
  }
  for (const auto& person : people) {
    domain::customer c;
    c.name = person.name;
    c.email = person.email;
    c.phone_number = person.phone;
    c.address = person.address;
    auto created = customers_.create(writes, c);
    if (!created) return created.error();
    remember("customer", created->id);
    customer_ids.push_back(created->id);
    ++result.created.customers;
  }
  for (const auto& planned : history) {
    const auto restaurant_id = result.restaurants[static_cast<std::size_t>(planned.restaurant)].id;
    order_request request{
        restaurant_id,
        people[planned.customer].address,
        std::nullopt,
        {{item_ids[static_cast<std::size_t>(planned.restaurant)][static_cast<std::size_t>(planned.item)],
          planned.quantity, std::nullopt}}};
    const auto customer_id = customer_ids[static_cast<std::size_t>(planned.customer)];
    auto placed = orders_.place(writes, customer_id, request, std::nullopt);
    if (!placed) return placed.error();
    const auto order_id = placed->order.id;
    ++result.created.orders;
    if (planned.status == domain::order_status::cancelled) {
      orders_.change_status(writes, order_id, planned.status, std::nullopt);
      continue;
    }
    for (const auto step : workflow) {
      if (planned.status == domain::order_status::placed) break;
      orders_.change_status(writes, order_id, step, std::nullopt);
      if (step == planned.status) break;
    }
    if (planned.status == domain::order_status::delivered &&
        reviews_.add(writes, order_id, customer_id, 5, std::string("Excellent food and fast delivery!"))) {
      ++result.created.reviews;
    }
  }
  return result;
}

sample_counts sample_data_service::remove(write_context& writes) {
  std::vector<domain::id_t> restaurant_ids;
  std::vector<domain::id_t> customer_ids;
  {
    auto tx = db_.read();
    restaurant_ids = tx->samples().ids("restaurant");
    customer_ids = tx->samples().ids("customer");
  }
  sample_counts removed;
  for (const auto id : customer_ids) removed.customers += customers_.remove(writes, id).ok() ? 1 : 0;
  for (const auto id : restaurant_ids) removed.restaurants += restaurants_.remove(writes, id).ok() ? 1 : 0;
  auto tx = db_.write();
  tx->samples().forget_all();
  writes.commit(*tx);
  return removed;
}

}  // namespace zomato::services
